//! Plain language (B1): a sentence a person reads has at most [`MAX_WORDS`] words. One
//! counting rule for every person-facing text: the app's texts, the register, the mails.

/// The most words a sentence may have.
pub const MAX_WORDS: usize = 20;

/// The sentences of `text` longer than [`MAX_WORDS`] words, each with its count. A sentence
/// ends at ".", "!" or "?" (or a line break); a colon or semicolon does not end it.
pub fn long_sentences(text: &str) -> Vec<(usize, String)> {
    text.split('\n')
        .flat_map(|line| line.split_inclusive(['.', '!', '?']))
        .filter_map(|sentence| {
            let words = sentence.split_whitespace().count();
            (words > MAX_WORDS).then(|| (words, sentence.trim().to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_of_twenty_words_is_fine_and_twenty_one_is_not() {
        let twenty = ["woord"; 20].join(" ") + ".";
        let twenty_one = ["woord"; 21].join(" ") + ".";
        assert!(long_sentences(&format!("{twenty} {twenty}")).is_empty());
        assert_eq!(long_sentences(&format!("Kort. {twenty_one} Kort!")), [(21, twenty_one.clone())]);
        assert_eq!(long_sentences(&twenty_one.replace('.', ";")).len(), 1, "a semicolon joins");
        assert!(long_sentences(&format!("{}\n{}", &twenty, &twenty)).is_empty(), "a line break ends one");
    }
}
