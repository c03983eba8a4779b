/**
 * Orchestrates a build: the only package that knows every stage. It writes the rendered pages
 * into a new folder and switches the output link to it in one step, so a failed or killed build
 * never damages the previous site, and one build at a time writes an output.
 */
package dev.errata.site;
