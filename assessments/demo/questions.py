# ruff: noqa: E501 - one line per translation reads best
"""Demo questions for "founding-a-cooperative": Arabic source, French, Darija, Tachelhit, Tarifit.

The Amazigh texts are short working translations for the demo; translators should review them.
Tarifit is written in Latin letters, the script most of its readers read (decision 0043).
"""

LANGUAGES = ("ar", "fr", "ary", "shi", "rif")

QUESTIONS = [
    {
        "id": "bank-picture",
        "kind": "picture",
        "text": {
            "ar": "أين تفتح التعاونية حسابها؟",
            "fr": "Où la coopérative ouvre-t-elle son compte ?",
            "ary": "فين كتحل التعاونية الحساب ديالها؟",
            "shi": "ⵎⴰⵏⵉ ⵙ ⵜⵔⵥⵎ ⵜⴰⵎⵢⴰⵡⴰⵙⵜ ⴰⵎⵉⴹⴰⵏ ⵏⵏⵙ?",
            "rif": "Mani d ttrzm tamyawast amiḍan nns?",
        },
        "explanation": {
            "ar": "يُفتح الحساب في بنك، ويُودع فيه رأس المال.",
            "fr": "Le compte s'ouvre dans une banque ; on y dépose le capital.",
        },
        "choices": [
            {
                "picture": "people",
                "text": {
                    "ar": "الأعضاء",
                    "fr": "Les membres",
                    "ary": "الأعضاء",
                    "shi": "ⵉⵎⴷⵓⴽⴰⵍ",
                    "rif": "Imddukal",
                },
                "feedback": {
                    "ar": "الأعضاء يضعون المال، لكن الحساب يُفتح في البنك.",
                    "fr": "Les membres apportent l'argent, mais le compte s'ouvre à la banque.",
                },
            },
            {
                "picture": "bank",
                "correct": True,
                "text": {
                    "ar": "البنك",
                    "fr": "La banque",
                    "ary": "البنكة",
                    "shi": "ⴱⴰⵏⴽ",
                    "rif": "Bank",
                },
                "feedback": {"ar": "صحيح: البنك.", "fr": "Oui : la banque."},
            },
            {
                "picture": "stamp",
                "text": {
                    "ar": "المحكمة",
                    "fr": "Le tribunal",
                    "ary": "المحكمة",
                    "shi": "ⴰⵙⵇⵇⵉⵎ",
                    "rif": "Asqqim",
                },
                "feedback": {
                    "ar": "المحكمة تسجل التعاونية، ولا تفتح الحساب.",
                    "fr": "Le tribunal immatricule, il n'ouvre pas de compte.",
                },
            },
        ],
    },
    {
        "id": "capital-true",
        "kind": "true_false",
        "is_true": True,
        "text": {
            "ar": "رأس مال التعاونية 1000 درهم على الأقل.",
            "fr": "Le capital d'une coopérative est d'au moins 1 000 dirhams.",
            "ary": "الراسمال ديال التعاونية 1000 درهم على الأقل.",
            "shi": "ⴰⵙⵎⵎⴰⵍ ⵏ ⵜⴰⵎⵢⴰⵡⴰⵙⵜ 1000 ⴷⵔⵀⵎ ⵖ ⵓⵎⵥⵥⵉ.",
            "rif": "Asmmal n tamyawast 1000 drhm dg umẓẓi.",
        },
        "explanation": {
            "ar": "الحد الأدنى 1000 درهم، وكل حصة 100 درهم على الأقل.",
            "fr": "Minimum 1 000 MAD ; chaque part vaut au moins 100 MAD.",
        },
    },
    {
        "id": "name-single",
        "kind": "single",
        "text": {
            "ar": "من يمنح شهادة الاسم؟",
            "fr": "Qui délivre le certificat de nom ?",
            "ary": "شكون كيعطي شهادة السمية؟",
            "shi": "ⵎⴰ ⵉⵜⵜⴰⴽⵔⵏ ⴰⵙⵖⵉⵡⵙ ⵏ ⵉⵙⵎ?",
            "rif": "Ma ittakkan asɣiws n yism?",
        },
        "choices": [
            {
                "correct": True,
                "text": {
                    "ar": "مكتب تنمية التعاون",
                    "fr": "L'ODCO",
                    "ary": "مكتب تنمية التعاون",
                    "shi": "ODCO",
                    "rif": "ODCO",
                },
            },
            {
                "text": {
                    "ar": "البنك",
                    "fr": "La banque",
                    "ary": "البنكة",
                    "shi": "ⴱⴰⵏⴽ",
                    "rif": "Bank",
                }
            },
            {
                "text": {
                    "ar": "الجماعة",
                    "fr": "La commune",
                    "ary": "الجماعة",
                    "shi": "ⵜⴰⴳⵔⴰⵡⵜ",
                    "rif": "Tagrawt",
                }
            },
        ],
    },
    {
        "id": "documents-multiple",
        "kind": "multiple",
        "text": {
            "ar": "ما هي الوثائق التي يوقعها المؤسسون في الجمع العام التأسيسي؟",
            "fr": "Quels documents les fondateurs signent-ils à l'assemblée constitutive ?",
            "ary": "شنو هوما الوراق اللي كيسنيو المؤسسين فالجمع العام التأسيسي؟",
            "shi": "ⵎⴰⵏ ⵜⵉⵙⵏⴰⴷ ⴰ ⵙⵙⵏⴰⵍⵏ ⵉⵎⵙⵙⵏⵜⵉⵢⵏ?",
            "rif": "Man tisnad i ssnaln imssntiyn?",
        },
        "choices": [
            {
                "correct": True,
                "text": {
                    "ar": "القانون الأساسي",
                    "fr": "Les statuts",
                    "ary": "القانون الأساسي",
                    "shi": "ⴰⵏⵥⵉⴹ",
                    "rif": "Anẓiḍ",
                },
            },
            {
                "correct": True,
                "text": {
                    "ar": "محضر الجمع العام",
                    "fr": "Le procès-verbal de l'assemblée",
                    "ary": "المحضر ديال الجمع العام",
                    "shi": "ⴰⵎⵙⴰⴳⴰⵍ",
                    "rif": "Amsagal",
                },
            },
            {
                "text": {
                    "ar": "عقد بيع المنتجات",
                    "fr": "Un contrat de vente des produits",
                    "ary": "عقد ديال البيع",
                    "shi": "ⴰⵎⵙⴰⵙⴰ ⵏ ⵓⵙⵏⵥⵉ",
                    "rif": "Amsasa n usnẓi",
                }
            },
        ],
    },
    {
        "id": "steps-ordering",
        "kind": "ordering",
        "text": {
            "ar": "رتّب الخطوات من الأولى إلى الأخيرة.",
            "fr": "Mettez les étapes dans l'ordre.",
            "ary": "رتب الخطوات من الأولى للأخيرة.",
            "shi": "ⵙⵎⵙⴰⴹⴼⵔ ⵜⵉⵙⵓⵔⵉⴼⵉⵏ.",
            "rif": "Smsaḍfar tisurifin.",
        },
        "choices": [
            {
                "text": {
                    "ar": "شهادة الاسم",
                    "fr": "Certificat de nom",
                    "ary": "شهادة السمية",
                    "shi": "ⴰⵙⵖⵉⵡⵙ ⵏ ⵉⵙⵎ",
                    "rif": "Asɣiws n yism",
                }
            },
            {
                "text": {
                    "ar": "القانون الأساسي",
                    "fr": "Statuts",
                    "ary": "القانون الأساسي",
                    "shi": "ⴰⵏⵥⵉⴹ",
                    "rif": "Anẓiḍ",
                }
            },
            {
                "text": {
                    "ar": "الحساب البنكي",
                    "fr": "Compte bancaire",
                    "ary": "الحساب فالبنكة",
                    "shi": "ⴰⵎⵉⴹⴰⵏ",
                    "rif": "Amiḍan",
                }
            },
            {
                "text": {
                    "ar": "التسجيل في المحكمة",
                    "fr": "Immatriculation au tribunal",
                    "ary": "التسجيل فالمحكمة",
                    "shi": "ⴰⵣⵎⵎⴻⵎ",
                    "rif": "Azmmem",
                }
            },
        ],
    },
    {
        "id": "capital-numeric",
        "kind": "numeric",
        "number": "1400",
        "text": {
            "ar": "7 أعضاء، كل واحد يشتري حصة بـ 200 درهم. كم رأس المال بالدرهم؟",
            "fr": "7 membres achètent chacun une part de 200 dirhams. Quel est le capital en dirhams ?",
            "ary": "7 ديال الأعضاء، كل واحد شرا حصة ب 200 درهم. شحال الراسمال بالدرهم؟",
            "shi": "7 ⵉⵎⴷⵓⴽⴰⵍ, ⵢⴰⵏ ⵢⴰⵏ ⵉⵙⵖⴰ ⵜⴰⴳⵣⵣⵓⵎⵜ ⵙ 200 ⴷⵔⵀⵎ. ⵎⵏⵛⴽ ⴰⵙⵎⵎⴰⵍ?",
            "rif": "7 imddukal, yiwn yiwn isɣa tagzzumt s 200 drhm. mncḥal asmmal?",
        },
        "explanation": {"ar": "7 × 200 = 1400 درهم.", "fr": "7 × 200 = 1 400 dirhams."},
    },
    {
        "id": "shares-picture",
        "kind": "picture",
        "text": {
            "ar": "أي صورة تبيّن ما يدفعه كل عضو (الحصص)؟",
            "fr": "Quelle image montre ce que chaque membre apporte (les parts) ?",
            "ary": "شمن تصويرة كتبين شنو كيخلص كل عضو (الحصص)؟",
            "shi": "ⵎⴰⵜⵜⴰ ⵜⴰⵡⵍⴰⴼⵜ ⵉⵙⴽⴰⵏⵏ ⵜⵉⴳⵣⵣⵓⵎⵉⵏ?",
            "rif": "Matta tawlaft i yskanayn tigzzumin?",
        },
        "explanation": {
            "ar": "كل عضو يشتري حصة أو أكثر، 100 درهم على الأقل للحصة.",
            "fr": "Chaque membre achète au moins une part, d'au moins 100 MAD.",
        },
        "choices": [
            {
                "picture": "building",
                "text": {
                    "ar": "مقر",
                    "fr": "Un local",
                    "ary": "محل",
                    "shi": "ⴰⵙⵎⵙⵙⴰⵔ",
                    "rif": "Asmssar",
                },
            },
            {
                "picture": "coins",
                "correct": True,
                "text": {
                    "ar": "النقود",
                    "fr": "L'argent",
                    "ary": "الفلوس",
                    "shi": "ⵉⴷⵔⵉⵎⵏ",
                    "rif": "Idrimn",
                },
            },
            {
                "picture": "document",
                "text": {
                    "ar": "وثيقة",
                    "fr": "Un document",
                    "ary": "ورقة",
                    "shi": "ⵜⴰⵙⵏⴰⴷⵜ",
                    "rif": "Tasnadt",
                },
            },
        ],
    },
    {
        "id": "alone-false",
        "kind": "true_false",
        "is_true": False,
        "text": {
            "ar": "يمكن لشخص واحد أن يؤسس تعاونية.",
            "fr": "Une seule personne peut fonder une coopérative.",
            "ary": "واحد بوحدو يقدر يأسس تعاونية.",
            "shi": "ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵉⵥⴹⴰⵕ ⴰⴷ ⵉⵙⴱⴷⴷ ⵜⴰⵎⵢⴰⵡⴰⵙⵜ.",
            "rif": "Yiwn ufgan izmr ad ysbdd tamyawast.",
        },
        "explanation": {
            "ar": "تحتاج التعاونية إلى عدة مؤسسين.",
            "fr": "Il faut plusieurs fondateurs.",
        },
    },
    {
        "id": "court-single",
        "kind": "single",
        "text": {
            "ar": "أين تُسجَّل التعاونية في السجل المحلي؟",
            "fr": "Où la coopérative est-elle inscrite au registre local ?",
            "ary": "فين كتسجل التعاونية فالسجل المحلي؟",
            "shi": "ⵎⴰⵏⵉ ⴰⴷ ⵜⵜⵓⵣⵎⵎⴻⵎ ⵜⴰⵎⵢⴰⵡⴰⵙⵜ?",
            "rif": "Mani ad ttwazmmem tamyawast?",
        },
        "choices": [
            {
                "text": {
                    "ar": "في البنك",
                    "fr": "À la banque",
                    "ary": "فالبنكة",
                    "shi": "ⴳ ⴱⴰⵏⴽ",
                    "rif": "Dg bank",
                }
            },
            {
                "correct": True,
                "text": {
                    "ar": "في المحكمة الابتدائية",
                    "fr": "Au tribunal de première instance",
                    "ary": "فالمحكمة الابتدائية",
                    "shi": "ⴳ ⵓⵙⵇⵇⵉⵎ",
                    "rif": "Dg usqqim",
                },
            },
            {
                "text": {
                    "ar": "في المدرسة",
                    "fr": "À l'école",
                    "ary": "فالمدرسة",
                    "shi": "ⴳ ⵜⵉⵏⵎⵍ",
                    "rif": "Dg tinml",
                }
            },
        ],
    },
]

PRACTICE = ("bank-picture", "capital-true")
PRACTICE_LESSON = "the-six-steps"
MODULE_TEST = ("alone-false", "steps-ordering", "name-single")  # the first module's lessons

# The demo learning path: every demo course, in tree order (Tachelhit and Tarifit fall back).
LEARNING_PATH = {
    "title": {
        "ar": "مسار المؤسِّسات والمؤسِّسين",
        "fr": "Parcours : fonder sa coopérative",
        "ary": "المسار ديال اللي بغاو يأسسو",
        "en": "Path: founding your cooperative",
    },
    "description": {
        "ar": "كل ما تحتاجونه لتأسيس تعاونيتكم، خطوة بخطوة.",
        "fr": "Tout ce qu'il faut pour fonder votre coopérative, pas à pas.",
        "ary": "كلشي اللي خاصكم باش تأسسو التعاونية ديالكم، خطوة بخطوة.",
        "en": "Everything you need to found your cooperative, step by step.",
    },
}
