"""The words every front end uses: marks, ratings, kinds, totals, stats lines, plurals."""
