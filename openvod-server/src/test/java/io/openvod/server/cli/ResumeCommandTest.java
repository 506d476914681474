package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command printed to resume an upload: quoted for a shell, secrets left out, how to pass them again. */
class ResumeCommandTest {
    @Test
    void eachArgumentIsQuotedForAShellWhenItNeedsIt() {
        ResumeCommand again = ResumeCommand.of("openvod", List.of("upload", "my clip.mp4", "--cover", "it's.png",
                "--signature-url", "https://app.example.com/api/v1/upload-signature?x=1&y=2", "--part-size", "8MiB", "--user", ""));

        assertThat(again.line()).isEqualTo("openvod upload 'my clip.mp4' --cover 'it'\\''s.png' "
                + "--signature-url 'https://app.example.com/api/v1/upload-signature?x=1&y=2' --part-size 8MiB --user ''");
        assertThat(again.notes()).isEmpty();
    }

    @Test
    void passwordsAndTokensAreLeftOutWithAWordOnHowToPassThemAgain() {
        ResumeCommand again = ResumeCommand.of("openvod", List.of("upload", "clip.mp4", "--user", "demo", "--password", "s3cret pass",
                "--token=tok-123456", "--password=other-secret", "--json"));

        assertThat(again.line()).isEqualTo("openvod upload clip.mp4 --user demo --json");
        assertThat(again.advice("run it again")).doesNotContain("s3cret", "tok-123456", "other-secret")
                .contains("--password-stdin", UploadCommand.PASSWORD_ENV, UploadCommand.TOKEN_ENV);
        assertThat(again.notes()).hasSize(2);
    }

    @Test
    void aPasswordFromStandardInputIsAskedForAgain() {
        ResumeCommand again = ResumeCommand.of("openvod", List.of("upload", "clip.mp4", "--user", "demo", "--password-stdin"));

        assertThat(again.line()).isEqualTo("openvod upload clip.mp4 --user demo --password-stdin");
        assertThat(again.notes()).containsExactly("pipe the password in again (--password-stdin)");
    }
}
