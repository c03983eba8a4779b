/**
 * Turns the knowledge base into page text with one Freemarker configuration. Page models are
 * records ({@link dev.errata.render.Views}); templates are {@code .ftlh}/{@code .ftlx} with
 * auto-escaping; nothing here touches the file system except to load templates.
 */
package dev.errata.render;
