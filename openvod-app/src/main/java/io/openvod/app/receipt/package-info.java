/**
 * The event notification receipt service: VOD events (Tencent's v3 and legacy v2 bodies, pushed
 * or pulled) are stored as received, then read back and applied to the app's video records.
 */
package io.openvod.app.receipt;
