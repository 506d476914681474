/** Creating OpenVOD's data files and folders readable by their owner only. */
package io.openvod.core.files;
