<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AssumptionsPanel</name>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapacityPanel</name>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hires needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add suggested hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue target and capacity per department, in thousands of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New business (quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings for AEs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue to retain (CSM books)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expansion (AM quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The targets add up to %1 less than the goal: raise leads, close rate, deal size, retention or expansion first; capacity is measured against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDR : AE ratio 1 : %1 (published average 1 : 2.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 direct reports (more than %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hire this year can close: %1 (check the assumptions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people on the chart cover every target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To close the gaps, hire %1, starting %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Open, starts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / yr</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use at most %4 dpi, or SVG or PDF, which stay sharp at any size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use SVG or PDF, which stay sharp at any size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, column %2  (%3 pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare scenarios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change (B − A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different scenarios.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retained revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same positions in both scenarios.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total cost this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost as a share of the revenue goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAC: (sales + marketing cost) / new customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRO cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue uplift assumed from a CRO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRO: uplift less cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of the goal)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RevOrg hit an unexpected problem: %1

Your plan is still open; save it to keep your work. Details are in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Delete position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has %2 people below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete them too, or move its direct reports up a level?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move reports up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the scenario “%1” with its organisation and targets? (Undo brings it back.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HiringPlanPanel</name>
    <message>
        <source>Headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ramped capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open positions: drag a bar to move the start month; the light part is the ramp to full productivity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open position(s) start this month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets and assumptions of a roster from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be imported until these errors are fixed in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 positions, %2 people (%3). Open it as a new, unsaved plan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>No position selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open position (vacancy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the role&apos;s assumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual cost per head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dotted lines to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a card to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in seat / at year start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company revenue goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing: leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales: close rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales: average deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CS: current revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CS: retention (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CS: expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual expansion quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota attainment (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book of business per CSM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified meetings per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified leads per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ramp (months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting-to-win rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested hires start in month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue uplift from a CRO (% of goal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Find by title, person or role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity against target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiring plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New from template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import workbook or roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel &amp;workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;PNG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;SVG drawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add direct report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compact teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse / e&amp;xpand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RevOrg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Scenario </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New scenario (copy of this one)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare scenarios…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RevOrg plans (*.revorg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 positions · %2 people · %3 open · %4 cost · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 open positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plan needs at least one scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plan is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save plan as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dots per inch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit on one page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split over pages at a readable size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import workbook or roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbooks and rosters (*.xlsx *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RevOrg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RevOrg: design a revenue organisation and its plan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanController</name>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot report to itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot report to %2: %2 already reports to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add dotted line %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove dotted line %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit assumption %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 suggested hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a plan needs at least one scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete scenario %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose two scenarios of this plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RevOrg ended unexpectedly while “%1” had unsaved changes (autosaved %2). Recover them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePalette</name>
    <message>
        <source>Filter roles…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePickerDialog</name>
    <message>
        <source>Add a direct report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role of the new position:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>New customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retained revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leads must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New plan from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from one of these plans:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PickerDialog</name>
    <message>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
