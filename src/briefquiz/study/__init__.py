"""Studying: grading answers, the queue, the session that ties them to the store."""
