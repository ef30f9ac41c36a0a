/**
 * The decision log: the designs and hand-written ADRs of one folder, numbered, assessed, and
 * linked both ways (supersedes and superseded by, related), with the folder-level problems
 * (duplicate numbers, dangling and self links, supersede cycles, badly named files).
 */
package dev.kvorstream.ledger;
