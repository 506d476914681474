/** The platform's HTTP edge: the only package that imports the web framework. */
package io.openvod.platform.http;
