package org.survivorvoice.response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers used by more than one integration test. */
public final class ResponseApiITData {

    public static final List<String> AGENCIES = List.of("police", "courts", "civil-courts", "marac", "social-services",
            "housing", "gp", "maternity", "a-and-e", "mental-health", "specialist-service");

    private ResponseApiITData() {
    }

    /** Every required answer of the interview; agencies rated "no experience" except the police. */
    public static Map<String, Object> completeInterview(String date) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("interview-date", date);
        answers.put("interview-language", "english");
        AGENCIES.forEach(agency -> answers.put(agency + "-rating", "no_experience"));
        answers.put("police-rating", "negative");
        answers.put("police-comment", "The first officer was kind but nobody called me back.");
        answers.put("barriers-any", "yes");
        answers.put("barriers", List.of("fear-of-repercussions"));
        return answers;
    }
}
