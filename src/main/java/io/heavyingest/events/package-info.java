/**
 * Lambda event shapes the functions accept (S3 notifications, the same wrapped in SQS or SNS, EventBridge) parsed
 * into object versions. Plain records, no event library, so the functions stay native-image friendly.
 */
package io.heavyingest.events;
