/**
 * Loading a design file into the records of {@code model}, in three parts: {@code YamlNodes}
 * reads the YAML into snakeyaml-engine nodes that keep their positions, {@code DesignLoader}
 * checks the design's keys and values (with {@code NodeReader}'s helpers), and
 * {@code NatsBlockReader} checks a {@code nats:} block. Each problem is reported as
 * {@code path:line:col}, all problems of a file in one run.
 */
package dev.kvorstream.design;
