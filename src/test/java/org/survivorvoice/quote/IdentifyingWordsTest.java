package org.survivorvoice.quote;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.survivorvoice.quote.IdentifyingWords.Kind;
import org.survivorvoice.quote.IdentifyingWords.Word;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifyingWordsTest {

    @Test
    void namesAndPlacesInsideASentenceAreListedInTheOrderTheyAppear() {
        assertThat(IdentifyingWords.in("The officer at Brixton station told Sarah to go home. Nobody listened to me."))
                .containsExactly(new Word("Brixton", Kind.NAME), new Word("Sarah", Kind.NAME));
    }

    @Test
    void aCapitalAtTheStartOfASentenceOrLineIsNotAName() {
        assertThat(IdentifyingWords.in("Nobody came. Waited all night! Really? \"Never again\" she said.\nHousing were slow")).isEmpty();
    }

    @Test
    void commonWordsAgenciesAndTheWordIAreNotListed() {
        assertThat(IdentifyingWords.in("Then I went to the GP, and then A&E, and the Police and MARAC and my IDVA helped on Monday in March.")).isEmpty();
    }

    @Test
    void aTitleIsListedWithTheNameAfterIt() {
        assertThat(IdentifyingWords.in("Mr Jones shouted. The judge, Dr. Patel, was kind and Mrs Khan too."))
                .containsExactly(new Word("Mr Jones", Kind.TITLE), new Word("Dr. Patel", Kind.TITLE), new Word("Mrs Khan", Kind.TITLE));
    }

    @Test
    void aNameAfterATitleWithAFullStopIsNotTakenForASentenceStart() {
        assertThat(IdentifyingWords.startsSentence("the judge, Dr. Patel", "the judge, Dr. ".length())).isFalse();
        assertThat(IdentifyingWords.startsSentence("he left. Patel", "he left. ".length())).isTrue();
    }

    @Test
    void possessivesAreListedUnderTheName() {
        assertThat(IdentifyingWords.in("it was at Kemi's flat and at Kemi’s mum's")).containsExactly(new Word("Kemi", Kind.NAME));
    }

    @Test
    void wordsInSquareBracketsAreTheOfficersDescriptorsAndAreSkipped() {
        assertThat(IdentifyingWords.in("[Her ex-partner] followed me to [Town] on [Date]. The [Social Worker] never called."))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "he rang me on 07700 900123 every night|07700 900123|PHONE",
            "he rang me on +44 7700 900123 every night|+44 7700 900123|PHONE",
            "call 020 7946 0958 and ask|020 7946 0958|PHONE",
            "we lived near SW1A 1AA then|SW1A 1AA|POSTCODE",
            "we lived near e14 9gr then|e14 9gr|POSTCODE",
            "somewhere in E14 for a year|E14|POSTCODE",
            "they came to 42 Acacia Road at night|42 Acacia Road|HOUSE_NUMBER",
            "they came to flat 3b at night|flat 3b|HOUSE_NUMBER",
            "they came on 12/03/2015 at night|12/03/2015|DATE",
            "they came on 3rd of March at night|3rd of March|DATE",
            "they came on the 14 feb, 2016 at night|14 feb, 2016|DATE",
            "they came on August 21st at night|August 21st|DATE",
            "they came in 2015 at night|2015|DATE",
            "the crime number was 4455123 apparently|4455123|REFERENCE",
            "write to sarah.k+help@example.org if you want|sarah.k+help@example.org|EMAIL"})
    void numbersAndAddressesThatCouldIdentifySomeoneAreListed(String text, String expected, Kind kind) {
        assertThat(IdentifyingWords.in(text)).containsExactly(new Word(expected, kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I waited 3 months in one room with 2 children",
            "it took 2-3 weeks and 1.5 hours on the phone",
            "we went 2 times to court and 3 times to the house",
            "in Q2 the police came 4 times"})
    void ordinaryNumbersAreNotListed(String text) {
        assertThat(IdentifyingWords.in(text)).isEmpty();
    }

    @Test
    void eachThingIsListedOnceAndAnAddressIsNotListedAgainAsNames() {
        List<Word> words = IdentifyingWords.in("Sarah lived at 42 Acacia Road with Sarah's sister, then Sarah moved");
        assertThat(words).containsExactly(new Word("42 Acacia Road", Kind.HOUSE_NUMBER), new Word("Sarah", Kind.NAME));
    }

    @Test
    void emptyTextHasNothingToCheck() {
        assertThat(IdentifyingWords.in("")).isEmpty();
        assertThat(IdentifyingWords.in(null)).isEmpty();
    }
}
