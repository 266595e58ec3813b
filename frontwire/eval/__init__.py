"""Evaluation against gold data (../shared/eval formats)."""
