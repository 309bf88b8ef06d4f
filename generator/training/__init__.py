"""Training and test data for the line tagger: the real-article corpus and the page synthesiser."""
