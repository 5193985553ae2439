package org.survivorvoice.importing;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.survivorvoice.period.FinancialQuarter;

/**
 * What checking an import file found.
 *
 * @param fingerprint  SHA-256 of the file's content, the id of its import
 * @param problems     every problem, by line (at most {@link ImportChecker#MAX_PROBLEMS_LISTED})
 * @param problemCount how many problems there are in all
 * @param answers      the answers of each row, normalised and valid; stored only if there is no problem
 * @param byQuarter    how many rows fall in each financial quarter, in time order
 */
record ImportCheck(String fingerprint, List<ImportProblem> problems, int problemCount, List<Map<String, Object>> answers,
                   SortedMap<FinancialQuarter, Integer> byQuarter) {

    boolean isValid() {
        return problemCount == 0;
    }

    /** "The file has 2 problems; nothing was imported." (and how many are listed, if not all) */
    String problemSummary() {
        String count = problemCount == 1 ? "1 problem" : String.format("%,d problems", problemCount);
        return "The file has " + count + "; nothing was imported."
                + (problems.size() < problemCount ? String.format(" The first %,d are listed.", problems.size()) : "");
    }

    /** "3 interviews" */
    String interviews() {
        return interviews(answers.size());
    }

    /** "1 interview", "1,200 interviews" */
    static String interviews(int count) {
        return count == 1 ? "1 interview" : String.format("%,d interviews", count);
    }
}
