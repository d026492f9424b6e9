<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CapacityPanel</name>
    <message numerus="yes">
        <source>%1 has %n direct reports (more than %2)</source>
        <translation>
            <numerusform>%1 has %n direct report (more than %2)</numerusform>
            <numerusform>%1 has %n direct reports (more than %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartEdits</name>
    <message numerus="yes">
        <source>Added %Ln open positions</source>
        <translation>
            <numerusform>Added %Ln open position</numerusform>
            <numerusform>Added %Ln open positions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message numerus="yes">
        <source>%Ln cards selected</source>
        <translation>
            <numerusform>%Ln card selected</numerusform>
            <numerusform>%Ln cards selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteWords</name>
    <message numerus="yes">
        <source>“%1” has %Ln people below it.</source>
        <translation>
            <numerusform>“%1” has %Ln person below it.</numerusform>
            <numerusform>“%1” has %Ln people below it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HiringPlanPanel</name>
    <message numerus="yes">
        <source>%Ln open positions start this month</source>
        <translation>
            <numerusform>%Ln open position starts this month</numerusform>
            <numerusform>%Ln open positions start this month</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln position</numerusform>
            <numerusform>%Ln positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln position</numerusform>
            <numerusform>%Ln positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln open</numerusform>
            <numerusform>%Ln open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenTeamPlanDialog</name>
    <message numerus="yes">
        <source>%n plan(s) on this server</source>
        <translation>
            <numerusform>%n plan on this server</numerusform>
            <numerusform>%n plans on this server</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln position</numerusform>
            <numerusform>%Ln positions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Resending</name>
    <message numerus="yes">
        <source>The team server cannot be reached; %n change(s) waiting. RevOrg tries again every few seconds and sends them when it answers.</source>
        <translation>
            <numerusform>The team server cannot be reached; %n change waiting. RevOrg tries again every few seconds and sends it when the server answers.</numerusform>
            <numerusform>The team server cannot be reached; %n changes waiting. RevOrg tries again every few seconds and sends them when the server answers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back on the team server: %n change(s) sent.</source>
        <translation>
            <numerusform>Back on the team server: %n change sent.</numerusform>
            <numerusform>Back on the team server: %n changes sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlideWords</name>
    <message numerus="yes">
        <source>%Ln people ▸ slide %1</source>
        <translation>
            <numerusform>%Ln person ▸ slide %1</numerusform>
            <numerusform>%Ln people ▸ slide %1</numerusform>
        </translation>
    </message>
</context>
</TS>
