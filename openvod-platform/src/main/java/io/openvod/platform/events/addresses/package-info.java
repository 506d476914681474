/** What an IP address is (IANA special-purpose ranges) and how a URL host written as an address reads. */
package io.openvod.platform.events.addresses;
