"""scikit-learn estimators: the rhetoric featurizer and the frame classifier."""
