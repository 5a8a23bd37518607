from .attempts import Answer, Attempt, PracticeAnswer
from .certificates import Certificate
from .paths import LearningPath, LearningPathCourse
from .questions import Choice, Question
from .quizzes import Quiz, QuizItem
from .surveys import Evaluation

__all__ = [
    "Answer",
    "Attempt",
    "Certificate",
    "Choice",
    "Evaluation",
    "LearningPath",
    "LearningPathCourse",
    "PracticeAnswer",
    "Question",
    "Quiz",
    "QuizItem",
]
