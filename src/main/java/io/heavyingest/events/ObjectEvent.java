package io.heavyingest.events;

import io.heavyingest.bucket.ObjectRef;

/**
 * One object named by an event, with its key decoded.
 *
 * @param object the object version
 * @param created whether the event announces a new object (only those are loaded)
 * @param eventName the event's name, for logs: "ObjectCreated:Put", "Object Created", ...
 */
public record ObjectEvent(ObjectRef object, boolean created, String eventName) {
}
