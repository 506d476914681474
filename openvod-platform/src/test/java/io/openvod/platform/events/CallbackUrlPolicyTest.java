package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Callback URLs as ModifyEventConfig and each POST check them, without DNS (literal hosts). */
class CallbackUrlPolicyTest {
    private final CallbackUrlPolicy strict = new CallbackUrlPolicy(false, false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://[::127.0.0.1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:10.0.0.1]/hook",
            "http://[::10.0.0.1]/hook", "http://[2002:7f00:1::1]/hook", "http://[2002:a00:1::1]/hook",
            "http://[64:ff9b::7f00:1]/hook", "http://[64:ff9b::a00:1]/hook", "http://[64:ff9b:1::a00:1]/hook",
            "http://[2001:0:808:808::80ff:fffe]/hook", "http://198.18.0.1/hook", "http://240.0.0.1/hook",
            "http://255.255.255.255/hook", "http://0.0.0.0/hook", "http://8.8.8.8:65536/hook", "http://8.8.8.8:0/hook",
            "http://8.8.8.8:99999999999/hook", "http://0x7f.1/hook", "http://2130706433/hook", "http://127.1/hook",
            "http://0177.0.0.1/hook", "http://127.0.0.1./hook", "http://[fe80::1]/hook", "http://169.254.169.254/latest",
            "http://user:pw@8.8.8.8/hook", "ftp://8.8.8.8/hook", "http:///hook", "http://8.8.8.8:80x/hook"})
    void knownBypassesAreRefused(String url) {
        assertThat(strict.refusal(url)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "https://8.8.8.8:8443/x?y=1", "http://[2606:4700::1111]:65535/",
            "http://[2002:808:808::1]/hook", "http://[::ffff:8.8.8.8]/hook"})
    void publicAddressesAreAllowed(String url) {
        assertThat(strict.refusal(url)).as(url).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "http://8.8.8.8:65536/hook, the port must be from 1 to 65535",
            "http://8.8.8.8:0/hook, the port must be from 1 to 65535",
            "http://[::127.0.0.1]:8080/hook, loopback addresses are not allowed",
            "http://0x7f.1/hook, loopback addresses are not allowed",
            "http://2130706433/hook, loopback addresses are not allowed",
            "http://127.1/hook, loopback addresses are not allowed",
            "http://10.1/hook, private addresses are not allowed",
            "http://198.18.0.1/hook, benchmarking addresses are never allowed",
            "http://256.1.1.1/hook, the host is not a valid IPv4 address"})
    void refusalsSayWhy(String url, String reason) {
        assertThat(strict.refusal(url)).startsWith(reason);
    }

    @Test
    void hostsWrittenAsAddressesAreDialledAsTheAddressTheyStandFor() throws Exception {
        CallbackUrlPolicy loopback = new CallbackUrlPolicy(true, false);
        assertThat(loopback.refusal("http://0x7f.1:8080/hook")).isNull();
        assertThat(loopback.target("http://0x7f.1:8080/hook?a=b")).isEqualTo(
                new CallbackUrlPolicy.Target("http", "127.0.0.1", 8080, "/hook?a=b"));
        assertThat(loopback.target("https://2130706433")).isEqualTo(new CallbackUrlPolicy.Target("https", "127.0.0.1", 443, "/"));
        assertThat(loopback.target("http://[::ffff:127.0.0.1]/").host()).isEqualTo("127.0.0.1");
        assertThat(loopback.target("http://[::1]:9/").host()).isEqualTo("[0:0:0:0:0:0:0:1]");
        assertThat(loopback.dialable("127.1")).extracting(a -> a.getHostAddress()).containsExactly("127.0.0.1");
    }

    @Test
    void namesAreCheckedByEveryAddressTheyResolveTo() throws Exception {
        HostResolver resolver = name -> switch (name) {
            case "public.example" -> java.util.List.of(java.net.InetAddress.getByName("8.8.8.8"));
            case "mixed.example" -> java.util.List.of(java.net.InetAddress.getByName("8.8.8.8"),
                    java.net.InetAddress.getByName("127.0.0.1"));
            default -> throw new java.net.UnknownHostException(name);
        };
        CallbackUrlPolicy policy = new CallbackUrlPolicy(false, false, resolver);
        assertThat(policy.refusal("https://public.example/hook")).isNull();
        assertThat(policy.refusal("https://mixed.example/hook")).as("set only when every address is allowed").contains("loopback");
        assertThat(policy.dialable("mixed.example")).as("dialled: only the allowed addresses")
                .extracting(a -> a.getHostAddress()).containsExactly("8.8.8.8");
        assertThat(policy.refusal("https://nowhere.example/hook")).isEqualTo("the host does not resolve");
        assertThat(policy.refusal("https://bad_name.example/hook")).contains("host");
    }
}
