/** The app's video records: who uploaded which video, and whether it may be shown. */
package io.openvod.app.videos;
