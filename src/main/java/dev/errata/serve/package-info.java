/** A local preview of a built site over HTTP, on the loopback address only. */
package dev.errata.serve;
