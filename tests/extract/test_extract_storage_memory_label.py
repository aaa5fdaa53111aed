"""'Storage memory 256GB', 'Internal memory: 128GB': 'memory' after a storage word is a storage
label, not a RAM one. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts

SPECS = "The Tecno Spark 30 is official.\n\nBattery 5,000 mAh Storage memory 256GB RAM 8GB Display 6.7 inches"


def test_storage_memory_labels_storage():
    assert ("Tecno Spark 30", "storage", "256 GB") in facts(SPECS, "2024-09-01")


def test_the_ram_label_after_it_keeps_its_figure():
    found = {f for f in facts(SPECS, "2024-09-01") if f[1] == "ram"}
    assert found == {("Tecno Spark 30", "ram", "8 GB")}, found


def test_internal_memory_with_a_colon():
    found = facts("The Tecno Spark 30 is official.\n\nInternal memory: 128GB\n\nRAM: 6GB", "2024-09-01")
    assert ("Tecno Spark 30", "storage", "128 GB") in found, found
