/**
 * The platform's HTTP edge: the only package that imports the web framework. Every request's log
 * lines carry its {@code request_id} ({@code X-Request-Id}).
 */
package io.openvod.platform.http;
