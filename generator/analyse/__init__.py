"""Analysis: regions, topics, figures, keywords, dates, duplicates; `article.py` runs them."""
