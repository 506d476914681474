package io.openvod.signature;

import java.util.Map;

/** Turns the decoded fields of a signature into validated {@link SignatureParameters}. */
final class SignatureFields {
    private SignatureFields() {
    }

    /**
     * Reads the known fields; unknown ones are ignored, and an optional field with an empty value
     * counts as absent.
     *
     * @throws IllegalArgumentException naming the first bad field
     */
    static SignatureParameters toParameters(Map<String, String> f) {
        SignatureParameters.Builder b = SignatureParameters.builder()
                .secretId(f.get("secretId"))
                .currentTimeStamp(ParameterRules.parseUnsigned("currentTimeStamp", f.get("currentTimeStamp")))
                .expireTime(ParameterRules.parseUnsigned("expireTime", f.get("expireTime")))
                .random(ParameterRules.parseUnsigned("random", f.get("random")));
        String v;
        if (present(v = f.get("procedure"))) {
            b.procedure(v);
        }
        if (present(v = f.get("classId"))) {
            b.classId(ParameterRules.parseUnsigned("classId", v));
        }
        if (present(v = f.get("taskPriority"))) {
            b.taskPriority(ParameterRules.parseSignedInt("taskPriority", v));
        }
        if (present(v = f.get("taskNotifyMode"))) {
            String mode = v;
            b.taskNotifyMode(TaskNotifyMode.parse(mode).orElseThrow(() -> new IllegalArgumentException(
                    "taskNotifyMode '" + ParameterRules.abbreviate(mode) + "' is not Finish, Change or None")));
        }
        if (present(v = f.get("oneTimeValid"))) {
            long oneTime = ParameterRules.parseUnsigned("oneTimeValid", v);
            ParameterRules.requireRange("oneTimeValid", oneTime, 0, 1);
            b.oneTimeValid(oneTime == 1);
        }
        if (present(v = f.get("sourceContext"))) {
            b.sourceContext(v);
        }
        if (present(v = f.get("sessionContext"))) {
            b.sessionContext(v);
        }
        if (present(v = f.get("vodSubAppId"))) {
            b.vodSubAppId(ParameterRules.parseUnsigned("vodSubAppId", v));
        }
        if (present(v = f.get("storageRegion"))) {
            b.storageRegion(v);
        }
        return b.build();
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
