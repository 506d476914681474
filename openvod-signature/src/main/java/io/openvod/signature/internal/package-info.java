/** Helpers shared by the signature schemes; not part of the library's API. */
package io.openvod.signature.internal;
