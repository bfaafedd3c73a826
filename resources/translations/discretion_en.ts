<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AuditLogDialog</name>
        <message numerus="yes">
            <source>The log holds %Ln entry(ies). Each entry's hash covers the one before it, so a change made outside Discretion shows up here.</source>
            <translation>
                <numerusform>The log holds %Ln entry. Each entry's hash covers the one before it, so a change made outside Discretion shows up here.</numerusform>
                <numerusform>The log holds %Ln entries. Each entry's hash covers the one before it, so a change made outside Discretion shows up here.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The chain holds: %Ln entry(ies) as written.</source>
            <translation>
                <numerusform>The chain holds: %Ln entry as written.</numerusform>
                <numerusform>The chain holds: %Ln entries as written.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>BROKEN: %1. The %Ln entry(ies) before it hold.</source>
            <translation>
                <numerusform>BROKEN: %1. The %Ln entry before it holds.</numerusform>
                <numerusform>BROKEN: %1. The %Ln entries before it hold.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AuditText</name>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> · %n save(s) of this draft</source>
            <translation>
                <numerusform> · %n save of this draft</numerusform>
                <numerusform> · %n saves of this draft</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseEditorDialog</name>
        <message numerus="yes">
            <source>Please correct %n problem(s) before saving:</source>
            <translation>
                <numerusform>Please correct %n problem before saving:</numerusform>
                <numerusform>Please correct %n problems before saving:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseValidator</name>
        <message numerus="yes">
            <source>checked on %1 with none found, but %n charge(s) are recorded: clear the date or the charges</source>
            <translation>
                <numerusform>checked on %1 with none found, but %n charge is recorded: clear the date or the charges</numerusform>
                <numerusform>checked on %1 with none found, but %n charges are recorded: clear the date or the charges</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>checked on %1 with none found, but %n family member(s) are recorded: clear the date or the family list</source>
            <translation>
                <numerusform>checked on %1 with none found, but %n family member is recorded: clear the date or the family list</numerusform>
                <numerusform>checked on %1 with none found, but %n family members are recorded: clear the date or the family list</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message numerus="yes">
            <source>%1 (%2): %Ln case(s)</source>
            <translation>
                <numerusform>%1 (%2): %Ln case</numerusform>
                <numerusform>%1 (%2): %Ln cases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DocketCheck</name>
        <message numerus="yes">
            <source>Audit log: %1 (the %n entry(ies) before it hold)</source>
            <translation>
                <numerusform>Audit log: %1 (the %n entry before it holds)</numerusform>
                <numerusform>Audit log: %1 (the %n entries before it hold)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportPdfDialog</name>
        <message numerus="yes">
            <source>Chosen: %n case(s). None has a signed review yet, and a PDF is written only for a signed one: sign reviews first (Signing › Sign Review…).</source>
            <translation>
                <numerusform>Chosen: %n case. None has a signed review yet, and a PDF is written only for a signed one: sign reviews first (Signing › Sign Review…).</numerusform>
                <numerusform>Chosen: %n cases. None has a signed review yet, and a PDF is written only for a signed one: sign reviews first (Signing › Sign Review…).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Chosen: %n case(s), each with a signed review: a PDF is written for each.</source>
            <translation>
                <numerusform>Chosen: %n case, each with a signed review: a PDF is written for each.</numerusform>
                <numerusform>Chosen: %n cases, each with a signed review: a PDF is written for each.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Chosen: %n case(s). With a signed review: %1, and a PDF is written for each of those; the others are left out.</source>
            <translation>
                <numerusform>Chosen: %n case. With a signed review: %1, and a PDF is written for each of those; the others are left out.</numerusform>
                <numerusform>Chosen: %n cases. With a signed review: %1, and a PDF is written for each of those; the others are left out.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The card asks for its PIN before every signature: the PIN you typed once is given to it for each of the %n PDF(s), and forgotten when the export ends.</source>
            <translation>
                <numerusform>The card asks for its PIN before every signature: the PIN you typed once is given to it for each of the %n PDF, and forgotten when the export ends.</numerusform>
                <numerusform>The card asks for its PIN before every signature: the PIN you typed once is given to it for each of the %n PDFs, and forgotten when the export ends.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cancelled: %1 of %n PDF(s) written to %2.</source>
            <translation>
                <numerusform>Cancelled: %1 of %n PDF written to %2.</numerusform>
                <numerusform>Cancelled: %1 of %n PDFs written to %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wrote %n PDF(s) to %1</source>
            <translation>
                <numerusform>Wrote %n PDF to %1</numerusform>
                <numerusform>Wrote %n PDFs to %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left out %n case(s) without a signed review.</source>
            <translation>
                <numerusform>Left out %n case without a signed review.</numerusform>
                <numerusform>Left out %n cases without a signed review.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left out %n case(s) signed by another identity.</source>
            <translation>
                <numerusform>Left out %n case signed by another identity.</numerusform>
                <numerusform>Left out %n cases signed by another identity.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FactDeriver</name>
        <message numerus="yes">
            <source>%n recorded family member(s), none a US citizen or permanent resident</source>
            <translation>
                <numerusform>%n recorded family member, none a US citizen or permanent resident</numerusform>
                <numerusform>%n recorded family members, none a US citizen or permanent resident</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n recorded charge(s) ended in a conviction that stands; %2 vacated or expunged</source>
            <translation>
                <numerusform>%1 of %n recorded charge ended in a conviction that stands; %2 vacated or expunged</numerusform>
                <numerusform>%1 of %n recorded charges ended in a conviction that stands; %2 vacated or expunged</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryController</name>
        <message numerus="yes">
            <source>Backed up to %1 and verified (%n audit entry(ies)).</source>
            <translation>
                <numerusform>Backed up to %1 and verified (%n audit entry).</numerusform>
                <numerusform>Backed up to %1 and verified (%n audit entries).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The chain holds: %n entry(ies) as written.</source>
            <translation>
                <numerusform>The chain holds: %n entry as written.</numerusform>
                <numerusform>The chain holds: %n entries as written.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>Rejected on import: %n row(s) of the %1 shown. The cells at fault are red, and their tooltip says why.</source>
            <translation>
                <numerusform>Rejected on import: %n row of the %1 shown. The cells at fault are red, and their tooltip says why.</numerusform>
                <numerusform>Rejected on import: %n rows of the %1 shown. The cells at fault are red, and their tooltip says why.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PdfLaterRevisions</name>
        <message numerus="yes">
            <source>%n certificate(s)</source>
            <translation>
                <numerusform>%n certificate</numerusform>
                <numerusform>%n certificates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n CRL(s)</source>
            <translation>
                <numerusform>%n CRL</numerusform>
                <numerusform>%n CRLs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n OCSP response(s)</source>
            <translation>
                <numerusform>%n OCSP response</numerusform>
                <numerusform>%n OCSP responses</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document timestamp(s)</source>
            <translation>
                <numerusform>%n document timestamp</numerusform>
                <numerusform>%n document timestamps</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PdfVerifier</name>
        <message numerus="yes">
            <source>%n revision(s)</source>
            <translation>
                <numerusform>%n revision</numerusform>
                <numerusform>%n revisions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n signature(s)</source>
            <translation>
                <numerusform>%n signature</numerusform>
                <numerusform>%n signatures</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SignerChooser</name>
        <message numerus="yes">
            <source>%n certificate(s) on cards or tokens.</source>
            <translation>
                <numerusform>%n certificate on cards or tokens.</numerusform>
                <numerusform>%n certificates on cards or tokens.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StatusBarController</name>
        <message numerus="yes">
            <source>%Ln case(s)</source>
            <translation>
                <numerusform>%Ln case</numerusform>
                <numerusform>%Ln cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Matching: %1 of %Ln case(s)</source>
            <translation>
                <numerusform>Matching: %1 of %Ln case</numerusform>
                <numerusform>Matching: %1 of %Ln cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln hearing(s) within %1 days without a signed review</source>
            <translation>
                <numerusform>%Ln hearing within %1 days without a signed review</numerusform>
                <numerusform>%Ln hearings within %1 days without a signed review</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransferController</name>
        <message numerus="yes">
            <source>Exported %Ln case(s) to %1, masked: no names or A-numbers.</source>
            <translation>
                <numerusform>Exported %Ln case to %1, masked: no names or A-numbers.</numerusform>
                <numerusform>Exported %Ln cases to %1, masked: no names or A-numbers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln case(s) to %1.</source>
            <translation>
                <numerusform>Exported %Ln case to %1.</numerusform>
                <numerusform>Exported %Ln cases to %1.</numerusform>
            </translation>
        </message>
    </context>
</TS>
