"""The reconciliation benchmark's peer: datacompy (pandas) on the same two exports.

Brings both files to one schema the way a person would with pandas (keys without the IDA- prefix and
leading zeros, states mapped to canonical names, amounts as numbers, dates parsed), then lets
datacompy compare them with the same 0.01 money tolerance. Prints what it found as JSON.
"""
import json
import sys

import datacompy
import pandas as pd

IDA_STATES = {"ENT": "submitted", "PND": "pending", "HLD": "held", "PRV": "in_progress", "SCH": "scheduled",
              "ND": "not_done", "CMP": "installed", "BIL": "billed", "CAN": "cancelled", "REJ": "rejected"}
SFDC_STATES = {"Draft": "draft", "Submitted": "submitted", "Pending Customer": "pending", "On Hold": "held",
               "In Provisioning": "in_progress", "Scheduled": "scheduled", "Not Done": "not_done",
               "Installed": "installed", "Activated": "billed", "Cancelled": "cancelled", "Rejected": "rejected"}


def key(column):
    return column.str.replace(" ", "").str.upper().str.replace(r"^IDA-?", "", regex=True).str.lstrip("0")


def amount(column):
    return pd.to_numeric(column.str.replace(r"[$,]", "", regex=True), errors="coerce")


def day(column):
    return pd.to_datetime(column.replace("", None), format="mixed", errors="coerce")


def main(ida_path, sfdc_path):
    ida = pd.read_csv(ida_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    sfdc = pd.read_csv(sfdc_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    ida.columns = [c.strip().upper() for c in ida.columns]
    sfdc.columns = [c.strip().lower() for c in sfdc.columns]
    left = pd.DataFrame({
        "key": key(ida["ORDER_NO"]), "status": ida["STATUS_CD"].str.strip().map(IDA_STATES),
        "mrr": amount(ida["MRC"]), "nrc": amount(ida["NRC"]), "term": pd.to_numeric(ida["TERM_MOS"]),
        "install_date": day(ida["INSTALL_DT"]), "account": ida["ACCT_NO"].str.lstrip("0"),
    })
    right = pd.DataFrame({
        "key": key(sfdc["ida_order_number__c"]), "status": sfdc["status"].str.strip().map(SFDC_STATES),
        "mrr": amount(sfdc["mrr__c"]), "nrc": amount(sfdc["nrc__c"]), "term": pd.to_numeric(sfdc["term_months__c"]),
        "install_date": day(sfdc["install_date__c"]), "account": sfdc["ida_account_number__c"].str.lstrip("0"),
    })
    compare = datacompy.PandasCompare(left, right, join_columns="key", abs_tol=0.01, df1_name="ida", df2_name="sfdc")
    found = {
        "only_in_ida": len(compare.df1_unq_rows),
        "only_in_sfdc": len(compare.df2_unq_rows),
        "rows_in_both": len(compare.intersect_rows),
    }
    for stats in compare.column_stats:
        if stats["column"] != "key":
            found[stats["column"] + "_mismatch"] = int(stats["unequal_cnt"])
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
