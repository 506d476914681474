/**
 * The VOD platform: the UGC upload API ({@code ugc}), the COS-compatible object API ({@code cos}),
 * object storage ({@code storage} with its adapters), the media catalog ({@code catalog}), FFmpeg
 * tools ({@code media}), readiness checks ({@code health}), one trace per upload ({@code trace}) and
 * the HTTP edge ({@code http}, the only package that imports Javalin).
 */
package io.openvod.platform;
