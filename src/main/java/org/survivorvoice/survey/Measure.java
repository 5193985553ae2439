package org.survivorvoice.survey;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a question means for reports, whatever its id, so that answers to different instruments
 * (the interview and the anonymous form) are counted together. See surveys/README.md.
 */
public enum Measure {
    MARAC_REFERRED("marac-referred", EnumSet.of(QuestionType.YES_NO)),
    MARAC_AWARE("marac-aware", EnumSet.of(QuestionType.YES_NO)),
    BARRIERS_ANY("barriers-any", EnumSet.of(QuestionType.YES_NO)),
    BARRIERS("barriers", EnumSet.of(QuestionType.MULTI)),
    OUTCOME_BELIEVED("outcome-believed", EnumSet.of(QuestionType.YES_NO, QuestionType.NUMBER)),
    OUTCOME_SAFER("outcome-safer", EnumSet.of(QuestionType.YES_NO, QuestionType.NUMBER)),
    OUTCOME_ACCOUNTABLE("outcome-accountable", EnumSet.of(QuestionType.YES_NO, QuestionType.NUMBER)),
    OUTCOME_WOULD_RETURN("outcome-would-return", EnumSet.of(QuestionType.YES_NO, QuestionType.NUMBER)),
    OUTCOME_EVIDENCE_HARDEST("outcome-evidence-hardest", EnumSet.of(QuestionType.NUMBER)),
    PARTICIPANTS("participants", EnumSet.of(QuestionType.NUMBER)),
    AREA("area", EnumSet.of(QuestionType.SINGLE)),
    KEY_THEMES("key-themes", EnumSet.of(QuestionType.THEMES)),
    QUOTES("quotes", EnumSet.of(QuestionType.TEXT_LIST));

    private final String id;
    private final Set<QuestionType> types;

    Measure(String id, Set<QuestionType> types) {
        this.id = id;
        this.types = types;
    }

    public String id() {
        return id;
    }

    public boolean allows(QuestionType type) {
        return types.contains(type);
    }

    public Set<QuestionType> types() {
        return types;
    }

    public static Optional<Measure> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
