/**
 * The Lambda handlers: thin {@code @Named} adapters from an event to the delivery service, and the CDI producers
 * that hand the injected configuration to the composition root.
 */
package io.heavyingest.function;
