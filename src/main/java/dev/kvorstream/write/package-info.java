/**
 * Writing files safely: each write goes to a temporary file in the same folder and is moved
 * into place atomically, only when the content changed; a generated file carries a marker
 * with a checksum, so a file edited or written by hand is never overwritten silently (the marker's format is
 * in {@code model}). The site's files go through a manifest, so only files the site wrote are
 * ever replaced or removed.
 */
package dev.kvorstream.write;
