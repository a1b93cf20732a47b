/**
 * The local command ({@link io.heavyingest.cli.Main}): argument parsing, exit codes, text and JSON output. Commands
 * get their settings and services from {@link io.heavyingest.app} through a per-invocation context and hold no
 * logic of their own beyond presenting results; every message quoting input goes through
 * {@link io.heavyingest.text.SafeText}.
 */
package io.heavyingest.cli;
