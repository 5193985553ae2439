package org.survivorvoice.response;

import org.springframework.context.MessageSourceResolvable;

/**
 * One problem with one answer.
 *
 * @param field the question id, or a path into it such as {@code key-themes[1].finding}
 * @param code  message key under {@code answer.} in messages.properties
 * @param args  message arguments (question text, limits) — never other respondents' data
 */
public record AnswerError(String field, String code, Object... args) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {"answer." + code};
    }

    @Override
    public Object[] getArguments() {
        return args;
    }

    @Override
    public String getDefaultMessage() {
        return "This answer is not valid";
    }

    /** The question the error belongs to (the field without any path into it). */
    public String questionId() {
        int cut = field.indexOf('[');
        return cut < 0 ? field : field.substring(0, cut);
    }
}
