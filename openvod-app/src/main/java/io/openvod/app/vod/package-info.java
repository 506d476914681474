/** Calls from the app backend to the VOD's TencentCloud API 3.0 (Tencent VOD or an OpenVOD platform). */
package io.openvod.app.vod;
