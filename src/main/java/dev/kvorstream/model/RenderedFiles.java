package dev.kvorstream.model;

import java.util.List;
import java.util.function.Function;

/**
 * The files a render made, in a fixed order: the hand-over from rendering to writing. Each
 * file's content is made when it is asked for, on any thread, so a writer can make, write and
 * forget them one by one; {@code inputs} gives the fingerprint of what each file was made from.
 */
public record RenderedFiles(List<String> names, Function<String, String> content,
    Function<String, String> inputs) {}
