/**
 * Text that came from the input, made safe before anyone sees it. A leaf: it depends on nothing of the product,
 * and every layer that quotes input (the reader's errors, the delivery's history rows and error reports, the
 * local command's output) goes through {@link io.heavyingest.text.SafeText}.
 */
package io.heavyingest.text;
