/** Tencent v3 event bodies that the platform writes to its outbox. */
package io.openvod.platform.events;
