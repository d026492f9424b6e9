<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>About RevOrg</source>
        <translation>Acerca de RevOrg</translation>
    </message>
    <message>
        <source>Design a revenue organisation and its plan: the org chart, the targets of marketing, sales and customer success, what the people can deliver, what they cost and which hires close the gap.</source>
        <translation>Diseña una organización de ingresos y su plan: el organigrama, los objetivos de marketing, ventas y customer success, lo que el equipo puede aportar, lo que cuesta y qué contrataciones cubren la diferencia.</translation>
    </message>
    <message>
        <source>Plans are .revorg files on this computer; RevOrg works offline and sends nothing.</source>
        <translation>Los planes son archivos .revorg guardados en este ordenador; RevOrg funciona sin conexión y no envía nada.</translation>
    </message>
</context>
<context>
    <name>ActualsChart</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Target so far and bookings so far, month by month, in %1</source>
        <translation>Objetivo y ventas acumulados, mes a mes, en %1</translation>
    </message>
    <message>
        <source>Plan against actual, cumulative</source>
        <translation>Plan frente a real, acumulado</translation>
    </message>
</context>
<context>
    <name>ActualsImportDialog</name>
    <message>
        <source>Import actuals</source>
        <translation>Importar reales</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontraron problemas.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>No deals can be read from %1; the plan is unchanged.</source>
        <translation>No se puede leer ningún negocio de %1; el plan no cambia.</translation>
    </message>
    <message>
        <source>%1 deals from %2 (%3): %4 won, %5 lost, %6 open. Rows left out: %7; report lines skipped: %8. Import them into the plan?</source>
        <translation>%1 negocios de %2 (%3): %4 ganados, %5 perdidos, %6 abiertos. Filas omitidas: %7; líneas del informe saltadas: %8. ¿Importarlos al plan?</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>una tabla</translation>
    </message>
    <message>
        <source>CRM exports (*.csv *.xlsx);;All files (*)</source>
        <translation>Exportaciones del CRM (*.csv *.xlsx);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ActualsPanel</name>
    <message>
        <source>Import actuals…</source>
        <translation>Importar reales…</translation>
    </message>
    <message>
        <source>Stage and type rules…</source>
        <translation>Reglas de etapas y tipos…</translation>
    </message>
    <message>
        <source>Bookings by month against the plan</source>
        <translation>Reservas por mes frente al plan</translation>
    </message>
    <message>
        <source>Attainment by person</source>
        <translation>Cumplimiento por persona</translation>
    </message>
    <message>
        <source>Deal owners not matched to a position</source>
        <translation>Propietarios de oportunidades sin puesto asignado</translation>
    </message>
    <message>
        <source>No actuals yet. Import a Salesforce opportunity report or a HubSpot deal export (CSV or Excel) to see the plan against what was booked.</source>
        <translation>Aún no hay reales. Importa un informe de oportunidades de Salesforce o una exportación de negocios de HubSpot (CSV o Excel) para ver el plan frente a lo cerrado.</translation>
    </message>
    <message>
        <source>No deal closed in the fiscal year yet.</source>
        <translation>Aún no se ha cerrado ningún negocio en el año fiscal.</translation>
    </message>
    <message>
        <source>Through %1: %2 booked of %3 planned (%4). Forecast for the year %5; at the run rate so far %6.</source>
        <translation>Hasta %1: %2 cerrado de %3 previsto (%4). Previsión del año %5; al ritmo actual %6.</translation>
    </message>
    <message>
        <source>%1 hired this year: %2 of a full month in their first months in seat; the plan assumes %3 (a %4-month ramp).</source>
        <translation>%1 contratados este año: %2 de un mes completo en sus primeros meses en el puesto; el plan supone %3 (una rampa de %4 meses).</translation>
    </message>
    <message>
        <source>A %1-month ramp fits better.</source>
        <translation>Una rampa de %1 meses se ajusta mejor.</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>Negocio nuevo</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Renovaciones</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Target to date</source>
        <translation>Objetivo hasta la fecha</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Open position</source>
        <translation>Vacante</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Team of</source>
        <translation>Equipo de</translation>
    </message>
    <message>
        <source>Owner not on the chart</source>
        <translation>Propietario fuera del organigrama</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Negocios</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Count for</source>
        <translation>Contar para</translation>
    </message>
    <message>
        <source>Choose a position…</source>
        <translation>Elige un puesto…</translation>
    </message>
</context>
<context>
    <name>AssumptionsPanel</name>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>Supuesto</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Assumptions by role</source>
        <translation>Supuestos por rol</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>Todo el plan</translation>
    </message>
</context>
<context>
    <name>BalanceRow</name>
    <message>
        <source>Balance to goal</source>
        <translation>Equilibrar con el objetivo</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Marketing leads</source>
        <translation>Leads de marketing</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>Tasa de cierre</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
    </message>
    <message>
        <source>New business and expansion in proportion</source>
        <translation>Nuevo negocio y expansión en proporción</translation>
    </message>
    <message>
        <source>No change: this driver already has the smallest value that reaches the goal.</source>
        <translation>Sin cambios: esta palanca ya tiene el menor valor que alcanza el objetivo.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Total revenue: %1</source>
        <translation>Ingresos totales: %1</translation>
    </message>
</context>
<context>
    <name>Breadcrumb</name>
    <message>
        <source>Whole organisation</source>
        <translation>Toda la organización</translation>
    </message>
</context>
<context>
    <name>CapacityPanel</name>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Hires needed</source>
        <translation>A contratar</translation>
    </message>
    <message>
        <source>Capacity against target by department</source>
        <translation>Capacidad frente al objetivo por departamento</translation>
    </message>
    <message>
        <source>Add suggested hires</source>
        <translation>Añadir contrataciones sugeridas</translation>
    </message>
    <message>
        <source>Revenue target and capacity per department, in %1</source>
        <translation>Objetivo de ingresos y capacidad por departamento, en %1</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>New business (quota)</source>
        <translation>Nuevo negocio (cuota)</translation>
    </message>
    <message>
        <source>Meetings for AEs</source>
        <translation>Reuniones para AE</translation>
    </message>
    <message>
        <source>Revenue to retain (CSM books)</source>
        <translation>Ingresos a retener (carteras CSM)</translation>
    </message>
    <message>
        <source>Expansion (AM quota)</source>
        <translation>Expansión (cuota AM)</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>cubierto</translation>
    </message>
    <message>
        <source>nearly</source>
        <translation>casi</translation>
    </message>
    <message>
        <source>short</source>
        <translation>insuficiente</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>sin objetivo</translation>
    </message>
    <message>
        <source>The targets add up to %1 less than the goal: raise leads, close rate, deal size, retention or expansion first; capacity is measured against them.</source>
        <translation>Los objetivos de los departamentos suman %1 menos que el objetivo global: sube primero los leads, la tasa de cierre, el ticket medio, la retención o la expansión; la capacidad se mide frente a ellos.</translation>
    </message>
    <message>
        <source>SDR : AE ratio 1 : %1 (published average 1 : 2.5)</source>
        <translation>Ratio SDR : AE 1 : %1 (media publicada 1 : 2,5)</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n direct reports (more than %2)</source>
        <translation>
            <numerusform>%1 tiene %n subordinado directo (más de %2)</numerusform>
            <numerusform>%1 tiene %n subordinados directos (más de %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>No hire this year can close: %1 (check the assumptions).</source>
        <translation>Ninguna contratación de este año llega a cubrir: %1 (revisa los supuestos).</translation>
    </message>
    <message>
        <source>The people on the chart cover every target.</source>
        <translation>Las personas del organigrama cubren todos los objetivos.</translation>
    </message>
    <message>
        <source>To close the gaps, hire %1, starting %2.</source>
        <translation>Para cubrir lo que falta, contrata %1 a partir de %2.</translation>
    </message>
    <message>
        <source>%1: %2 people expected to leave this year, taking %3 of capacity</source>
        <translation>%1: se espera que %2 personas se vayan este año, llevándose %3 de capacidad</translation>
    </message>
    <message>
        <source>Nobody is expected to leave this year.</source>
        <translation>No se espera que nadie se vaya este año.</translation>
    </message>
    <message>
        <source>Backfills: %1 — replacements for people expected to leave; hired into existing seats, so Add suggested hires adds no cards for them.</source>
        <translation>Reposiciones: %1 — sustituyen a quienes se prevé que se vayan; ocupan puestos existentes, así que Añadir contrataciones sugeridas no crea tarjetas.</translation>
    </message>
    <message>
        <source>No backfill needed: the expected leavers do not add up to a person.</source>
        <translation>No hace falta reponer: las bajas previstas no llegan a una persona.</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Open, starts %1</source>
        <translation>Vacante, desde %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Vacante</translation>
    </message>
    <message>
        <source>%1 / yr</source>
        <translation>%1 / año</translation>
    </message>
    <message>
        <source>People: %1 · open: %2</source>
        <translation>Personas: %1 · vacantes: %2</translation>
    </message>
</context>
<context>
    <name>ChartEdits</name>
    <message numerus="yes">
        <source>Added %Ln open positions</source>
        <translation>
            <numerusform>Se ha añadido %Ln vacante</numerusform>
            <numerusform>Se han añadido %Ln vacantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as staff</source>
        <translation>Marcar como staff</translation>
    </message>
    <message>
        <source>Put in the team row</source>
        <translation>Poner en la fila del equipo</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use at most %4 dpi, or SVG or PDF, which stay sharp at any size</source>
        <translation>el organigrama es demasiado grande para un PNG a %1 ppp (%2 x %3 píxeles); usa como máximo %4 ppp, o bien SVG o PDF, que se ven nítidos a cualquier tamaño</translation>
    </message>
    <message>
        <source>the chart is too large for a PNG at %1 dpi (%2 x %3 pixels); use SVG or PDF, which stay sharp at any size</source>
        <translation>el organigrama es demasiado grande para un PNG a %1 ppp (%2 x %3 píxeles); usa SVG o PDF, que se ven nítidos a cualquier tamaño</translation>
    </message>
    <message>
        <source>not enough memory for a %1 x %2 PNG</source>
        <translation>no hay memoria suficiente para un PNG de %1 x %2</translation>
    </message>
    <message>
        <source>row %1, column %2  (%3 pages)</source>
        <translation>fila %1, columna %2  (%3 páginas)</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>no se ha podido escribir la imagen</translation>
    </message>
    <message>
        <source>nothing was written to %1</source>
        <translation>no se ha escrito nada en %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>ChartMinimap</name>
    <message>
        <source>Overview: drag the rectangle to move around the chart</source>
        <translation>Vista general: arrastre el rectángulo para moverse por el organigrama</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Organisation chart</source>
        <translation>Organigrama</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cards selected</source>
        <translation>
            <numerusform>%Ln tarjeta seleccionada</numerusform>
            <numerusform>%Ln tarjetas seleccionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>No card selected. Arrow keys move from card to card.</source>
        <translation>Ninguna tarjeta seleccionada. Las flechas pasan de una tarjeta a otra.</translation>
    </message>
    <message>
        <source>coverage %1, short of target</source>
        <translation>cobertura %1, por debajo del objetivo</translation>
    </message>
    <message>
        <source>coverage %1</source>
        <translation>cobertura %1</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare scenarios</source>
        <translation>Comparar escenarios</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>Change (B − A)</source>
        <translation>Cambio (B − A)</translation>
    </message>
    <message>
        <source>Scenarios compared</source>
        <translation>Escenarios comparados</translation>
    </message>
    <message>
        <source>Scenario A</source>
        <translation>Escenario A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>%1 (snapshot)</source>
        <translation>%1 (instantánea)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Choose two different scenarios.</source>
        <translation>Elige dos escenarios distintos.</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation>Objetivo de ingresos</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Close rate</source>
        <translation>Tasa de cierre</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>Clientes nuevos</translation>
    </message>
    <message>
        <source>Current revenue</source>
        <translation>Ingresos actuales</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>Nuevo negocio</translation>
    </message>
    <message>
        <source>Retained revenue</source>
        <translation>Ingresos retenidos</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>Ingresos totales</translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation>Diferencia con el objetivo</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Nº de personas</translation>
    </message>
    <message>
        <source>Cost this year</source>
        <translation>Coste este año</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>Objetivo de ingresos</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cobertura</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>The same positions in both scenarios.</source>
        <translation>Los mismos puestos en ambos escenarios.</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pp</translation>
    </message>
    <message>
        <source>open</source>
        <translation>vacante</translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Cost this year</source>
        <translation>Coste este año</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Cost by department</source>
        <translation>Coste por departamento</translation>
    </message>
    <message>
        <source>Total cost this year</source>
        <translation>Coste total este año</translation>
    </message>
    <message>
        <source>Cost as a share of the revenue goal</source>
        <translation>Coste sobre el objetivo de ingresos</translation>
    </message>
    <message>
        <source>CAC: (sales + marketing cost) / new customers</source>
        <translation>CAC: (coste de ventas + marketing) / clientes nuevos</translation>
    </message>
    <message>
        <source>CRO cost</source>
        <translation>Coste del CRO</translation>
    </message>
    <message>
        <source>Revenue uplift assumed from a CRO</source>
        <translation>Aumento de ingresos previsto por tener un CRO</translation>
    </message>
    <message>
        <source>CRO: uplift less cost</source>
        <translation>CRO: aumento menos coste</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1 (%2 of the goal)</source>
        <translation>%1 (%2 del objetivo)</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <source>RevOrg hit an unexpected problem: %1

Your plan is still open; save it to keep your work. Details are in %2</source>
        <translation>RevOrg ha tenido un problema inesperado: %1

El plan sigue abierto; guárdalo para no perder el trabajo. Los detalles están en %2</translation>
    </message>
</context>
<context>
    <name>CumulativeChart</name>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>%1: target and capacity so far, month by month, in %2</source>
        <translation>%1: objetivo y capacidad acumulados, mes a mes, en %2</translation>
    </message>
    <message>
        <source>%1, cumulative</source>
        <translation>%1, acumulado</translation>
    </message>
</context>
<context>
    <name>DealRulesDialog</name>
    <message>
        <source>Stage and type rules</source>
        <translation>Reglas de etapas y tipos</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>Negocio nuevo</translation>
    </message>
    <message>
        <source>Expansion</source>
        <translation>Expansión</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Renovación</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>How RevOrg reads each stage and type of your CRM&apos;s deals; kept in the plan for the next import.</source>
        <translation>Cómo lee RevOrg cada etapa y cada tipo de los negocios de tu CRM; se guarda en el plan para la próxima importación.</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Negocios</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Leer como</translation>
    </message>
    <message>
        <source>As by default (%1)</source>
        <translation>Por defecto (%1)</translation>
    </message>
</context>
<context>
    <name>DeleteWords</name>
    <message numerus="yes">
        <source>“%1” has %Ln people below it.</source>
        <translation>
            <numerusform>«%1» tiene %Ln persona por debajo.</numerusform>
            <numerusform>«%1» tiene %Ln personas por debajo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Filter…</source>
        <translation>Filtrar…</translation>
    </message>
    <message>
        <source>Delete position</source>
        <translation>Eliminar puesto</translation>
    </message>
    <message>
        <source>Delete them too, or move its direct reports up a level?</source>
        <translation>¿Eliminarlas también o subir un nivel a sus subordinados directos?</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>Eliminar todo</translation>
    </message>
    <message>
        <source>Move reports up</source>
        <translation>Subir subordinados</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>¿Guardar los cambios de «%1»?</translation>
    </message>
    <message>
        <source>Scenario name:</source>
        <translation>Nombre del escenario:</translation>
    </message>
    <message>
        <source>Rename card</source>
        <translation>Renombrar tarjeta</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Cargo:</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Eliminar escenario</translation>
    </message>
    <message>
        <source>Delete the scenario “%1” with its organisation and targets? (Undo brings it back.)</source>
        <translation>¿Eliminar el escenario «%1» con su organización y sus objetivos? (Deshacer lo recupera.)</translation>
    </message>
    <message>
        <source>Snapshot name:</source>
        <translation>Nombre de la instantánea:</translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Undone: %1</source>
        <translation>Deshecho: %1</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>RevOrg plans (*.revorg);;All files (*)</source>
        <translation>Planes de RevOrg (*.revorg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Abrir plan</translation>
    </message>
    <message>
        <source>This plan is already open.</source>
        <translation>Este plan ya está abierto.</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>No se puede abrir el plan</translation>
    </message>
    <message>
        <source>Save plan as</source>
        <translation>Guardar plan como</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se ha podido guardar</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Error en el guardado automático: %1</translation>
    </message>
    <message>
        <source>Import workbook or roster</source>
        <translation>Importar libro o listado de personal</translation>
    </message>
    <message>
        <source>Workbooks and rosters (*.xlsx *.csv);;All files (*)</source>
        <translation>Libros y listados de personal (*.xlsx *.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export Excel workbook</source>
        <translation>Exportar libro de Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dibujos SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar organigrama</translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation>Resolución del PNG</translation>
    </message>
    <message>
        <source>Dots per inch:</source>
        <translation>Puntos por pulgada:</translation>
    </message>
    <message>
        <source>Fit on one page</source>
        <translation>Ajustar a una página</translation>
    </message>
    <message>
        <source>Split over pages at a readable size</source>
        <translation>Repartir en varias páginas a tamaño legible</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>Páginas del PDF</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Páginas:</translation>
    </message>
    <message>
        <source>As shown (current expansion and focus)</source>
        <translation>Tal como se ve (expansión y foco actuales)</translation>
    </message>
    <message>
        <source>The whole chart</source>
        <translation>El organigrama completo</translation>
    </message>
    <message>
        <source>Draw:</source>
        <translation>Dibujar:</translation>
    </message>
    <message>
        <source>Export slides</source>
        <translation>Exportar diapositivas</translation>
    </message>
    <message>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>Presentaciones de PowerPoint (*.pptx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exportado: %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Find by title, person or role</source>
        <translation>Buscar por cargo, persona o rol</translation>
    </message>
    <message>
        <source>Find a card by title, person or role</source>
        <translation>Buscar una tarjeta por cargo, persona o rol</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln coincidencia</numerusform>
            <numerusform>%Ln coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Sin coincidencias</translation>
    </message>
</context>
<context>
    <name>HiringPlanPanel</name>
    <message>
        <source>Headcount</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Ramped capacity</source>
        <translation>Capacidad (con rampa)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Hiring plan by month</source>
        <translation>Plan de contratación por mes</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Open positions: drag a bar to move the start month; the light part is the ramp to full productivity.</source>
        <translation>Vacantes: arrastra una barra para cambiar el mes de incorporación; la parte clara es la rampa hasta la plena productividad.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open positions start this month</source>
        <translation>
            <numerusform>%Ln vacante se incorpora este mes</numerusform>
            <numerusform>%Ln vacantes se incorporan este mes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Any card</source>
        <translation>Cualquier tarjeta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Revert this step</source>
        <translation>Revertir este paso</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Vista previa…</translation>
    </message>
    <message>
        <source>Restore as new scenario…</source>
        <translation>Restaurar como escenario nuevo…</translation>
    </message>
    <message>
        <source>Changes of the selected step:</source>
        <translation>Cambios del paso seleccionado:</translation>
    </message>
    <message>
        <source>open</source>
        <translation>vacante</translation>
    </message>
    <message>
        <source>All scenarios</source>
        <translation>Todos los escenarios</translation>
    </message>
    <message>
        <source>The history cannot be read in full: it is shown as far as it can be. The plan itself is not affected.</source>
        <translation>El historial no se puede leer entero: se muestra hasta donde se puede. El plan no se ve afectado.</translation>
    </message>
    <message>
        <source>The history was changed outside RevOrg at step %1: it is shown as it is now. The plan itself is not affected.</source>
        <translation>El historial se modificó fuera de RevOrg en el paso %1: se muestra tal como está. El plan no se ve afectado.</translation>
    </message>
    <message>
        <source>(no field changes)</source>
        <translation>(sin cambios de campos)</translation>
    </message>
    <message>
        <source>Step %1 reverted: Edit &gt; Undo takes it back.</source>
        <translation>Paso %1 revertido: Editar &gt; Deshacer lo anula.</translation>
    </message>
    <message>
        <source>Changed again by %1 at %2: %3</source>
        <translation>Cambiado de nuevo por %1 el %2: %3</translation>
    </message>
</context>
<context>
    <name>HistoryWords</name>
    <message>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <source>scenario %1 (deleted)</source>
        <translation>escenario %1 (eliminado)</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>puesto %1</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Nombre del escenario</translation>
    </message>
    <message>
        <source>Photo added: %1</source>
        <translation>Foto añadida: %1</translation>
    </message>
    <message>
        <source>Photo removed: %1</source>
        <translation>Foto quitada: %1</translation>
    </message>
    <message>
        <source>Photo replaced: %1</source>
        <translation>Foto sustituida: %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Position added: %1</source>
        <translation>Puesto añadido: %1</translation>
    </message>
    <message>
        <source>Position removed: %1</source>
        <translation>Puesto eliminado: %1</translation>
    </message>
    <message>
        <source>Scenario added: %1</source>
        <translation>Escenario añadido: %1</translation>
    </message>
    <message>
        <source>Scenario removed: %1</source>
        <translation>Escenario eliminado: %1</translation>
    </message>
    <message>
        <source>Dotted line added: %1</source>
        <translation>Línea de puntos añadida: %1</translation>
    </message>
    <message>
        <source>Dotted line removed: %1</source>
        <translation>Línea de puntos eliminada: %1</translation>
    </message>
    <message>
        <source>assumption %1</source>
        <translation>supuesto %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>(none: top)</source>
        <translation>(ninguno: arriba)</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>Nombre del plan</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Año fiscal</translation>
    </message>
    <message>
        <source>First month of the fiscal year</source>
        <translation>Primer mes del año fiscal</translation>
    </message>
</context>
<context>
    <name>ImportFinding</name>
    <message>
        <source>a RevOrg workbook carries its own targets: --template {template} is not used</source>
        <translation>un libro de RevOrg trae sus propios objetivos: --template {template} no se usa</translation>
    </message>
    <message>
        <source>nothing could be read from this file</source>
        <translation>no se ha podido leer nada de este archivo</translation>
    </message>
    <message>
        <source>{first} and {more}</source>
        <translation>{first} y {more}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>hoja {sheet}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>fila {row}</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>columna {column}</translation>
    </message>
    <message>
        <source>{place}, {more}</source>
        <translation>{place}, {more}</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}: {message}</translation>
    </message>
    <message>
        <source>{severity}: {place}: {message}</source>
        <translation>{severity}: {place}: {message}</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name (Nombre)</source>
        <translation>Nombre (Name)</translation>
    </message>
    <message>
        <source>Last name (Apellidos)</source>
        <translation>Apellidos (Last name)</translation>
    </message>
    <message>
        <source>Title (Puesto, Cargo)</source>
        <translation>Puesto (Cargo, Title)</translation>
    </message>
    <message>
        <source>Manager (Responsable, Jefe)</source>
        <translation>Responsable (Jefe, Manager)</translation>
    </message>
    <message>
        <source>Department (Departamento, Área)</source>
        <translation>Departamento (Área, Department)</translation>
    </message>
    <message>
        <source>Start date (Fecha de inicio)</source>
        <translation>Fecha de inicio (Start date)</translation>
    </message>
    <message>
        <source>Cost (Salary, Salario, Coste)</source>
        <translation>Coste (Salario, Cost)</translation>
    </message>
    <message>
        <source>Email (Correo)</source>
        <translation>Correo (Email)</translation>
    </message>
    <message>
        <source>Photo (Foto)</source>
        <translation>Foto (Photo)</translation>
    </message>
    <message>
        <source>Staff (Assistant, Asistente)</source>
        <translation>Staff (Assistant, Asistente)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>{name} (row {row})</source>
        <translation>{name} (fila {row})</translation>
    </message>
    <message>
        <source>open {title} (row {row})</source>
        <translation>vacante de {title} (fila {row})</translation>
    </message>
    <message>
        <source>{count} more error like the ones above, from row {first_row} on</source>
        <translation>{count} error más como los anteriores, a partir de la fila {first_row}</translation>
    </message>
    <message>
        <source>{count} more errors like the ones above, from row {first_row} on</source>
        <translation>{count} errores más como los anteriores, a partir de la fila {first_row}</translation>
    </message>
    <message>
        <source>{count} more warning like the ones above, from row {first_row} on</source>
        <translation>{count} aviso más como los anteriores, a partir de la fila {first_row}</translation>
    </message>
    <message>
        <source>{count} more warnings like the ones above, from row {first_row} on</source>
        <translation>{count} avisos más como los anteriores, a partir de la fila {first_row}</translation>
    </message>
    <message>
        <source>{count} more note like the ones above, from row {first_row} on</source>
        <translation>{count} nota más como las anteriores, a partir de la fila {first_row}</translation>
    </message>
    <message>
        <source>{count} more notes like the ones above, from row {first_row} on</source>
        <translation>{count} notas más como las anteriores, a partir de la fila {first_row}</translation>
    </message>
    <message>
        <source>{file} has no rows</source>
        <translation>{file} no tiene filas</translation>
    </message>
    <message>
        <source>{file} has no worksheets</source>
        <translation>{file} no tiene hojas de cálculo</translation>
    </message>
    <message>
        <source>{count} rows: more than {limit} deals cannot be imported</source>
        <translation>{count} filas: no se pueden importar más de {limit} negocios</translation>
    </message>
    <message>
        <source>deal {id} is also on row {first_row}: this row is kept</source>
        <translation>el negocio {id} también está en la fila {first_row}: se conserva esta fila</translation>
    </message>
    <message>
        <source>the export has a heading row but no deals</source>
        <translation>la exportación tiene fila de encabezados pero ningún negocio</translation>
    </message>
    <message>
        <source>{value} is not an amount: deal left out</source>
        <translation>{value} no es un importe: negocio omitido</translation>
    </message>
    <message>
        <source>negative amount {amount}: deal left out</source>
        <translation>importe negativo {amount}: negocio omitido</translation>
    </message>
    <message>
        <source>no close date: deal left out</source>
        <translation>sin fecha de cierre: negocio omitido</translation>
    </message>
    <message>
        <source>{reason}: deal left out</source>
        <translation>{reason}: negocio omitido</translation>
    </message>
    <message>
        <source>amounts in {currencies}, not the plan&apos;s {currency}: kept as they are, not converted</source>
        <translation>importes en {currencies}, no en la moneda del plan ({currency}): se conservan tal cual, sin convertir</translation>
    </message>
    <message>
        <source>no heading row with {amount}, {owner} and {close_date} in the first {rows} rows: this is not a deal export</source>
        <translation>no hay fila de encabezados con {amount}, {owner} y {close_date} en las primeras {rows} filas: no es una exportación de negocios</translation>
    </message>
    <message>
        <source>no column for {fields}</source>
        <translation>falta la columna {fields}</translation>
    </message>
    <message>
        <source>columns {columns} have the same heading {heading}: {first} is read</source>
        <translation>las columnas {columns} tienen el mismo encabezado {heading}: se lee {first}</translation>
    </message>
    <message>
        <source>stages read as open (not won or lost): {values}; say which are won or lost in the stage rules</source>
        <translation>etapas leídas como abiertas (ni ganadas ni perdidas): {values}; indique cuáles son ganadas o perdidas en las reglas de etapas</translation>
    </message>
    <message>
        <source>types read as new business: {values}; say which are expansion or renewal in the type rules</source>
        <translation>tipos leídos como negocio nuevo: {values}; indique cuáles son expansión o renovación en las reglas de tipos</translation>
    </message>
    <message>
        <source>read sheet {sheet_name}: the sheets before it have no Name and Title columns</source>
        <translation>se ha leído la hoja {sheet_name}: las hojas anteriores no tienen las columnas Nombre y Puesto</translation>
    </message>
    <message>
        <source>{file} has no data: every sheet is empty</source>
        <translation>{file} no tiene datos: todas las hojas están vacías</translation>
    </message>
    <message>
        <source>no {missing} column; the heading row has {found}</source>
        <translation>falta la columna {missing}; encabezados de esa fila: {found}</translation>
    </message>
    <message>
        <source>columns not read: {headings}</source>
        <translation>columnas no leídas: {headings}</translation>
    </message>
    <message>
        <source>column {heading} also means {field}: only the first such column, {first}, is read</source>
        <translation>la columna {heading} también corresponde a {field}: solo se lee la primera de estas columnas, {first}</translation>
    </message>
    <message>
        <source>the roster has a heading row but no people</source>
        <translation>el listado tiene fila de encabezados, pero ninguna persona</translation>
    </message>
    <message>
        <source>the roster has {count} rows; at most {limit} are read (a larger chart is not a revenue organisation)</source>
        <translation>el listado tiene {count} filas; se leen como máximo {limit} (un organigrama mayor no es una organización de ingresos)</translation>
    </message>
    <message>
        <source>{count} blank row skipped ({rows})</source>
        <translation>{count} fila en blanco omitida ({rows})</translation>
    </message>
    <message>
        <source>{count} blank rows skipped ({rows})</source>
        <translation>{count} filas en blanco omitidas ({rows})</translation>
    </message>
    <message>
        <source>costs in {count} currencies ({listed}): the plan is in {currency}, the most common, and the other amounts are used as they are, without conversion</source>
        <translation>costes en {count} monedas ({listed}): el plan queda en {currency}, la más frecuente, y los demás importes se usan tal cual, sin convertir</translation>
    </message>
    <message>
        <source>{email} is not an email address (one @ needed): left out</source>
        <translation>{email} no es una dirección de correo electrónico (necesita una @): se omite</translation>
    </message>
    <message>
        <source>{value} is not yes or no: the position is put in the team row</source>
        <translation>{value} no es sí ni no: el puesto va en la fila del equipo</translation>
    </message>
    <message>
        <source>the title is blank: every row needs one</source>
        <translation>el cargo está en blanco: cada fila necesita uno</translation>
    </message>
    <message>
        <source>{problem}: a cost cannot be below zero</source>
        <translation>{problem}: un coste no puede ser negativo</translation>
    </message>
    <message>
        <source>{problem}: the cost must be a number</source>
        <translation>{problem}: el coste debe ser un número</translation>
    </message>
    <message>
        <source>{amount} is more than {limit}: the cost is too large</source>
        <translation>{amount} supera {limit}: el coste es demasiado alto</translation>
    </message>
    <message>
        <source>id {id} is also on row {first_row}: ids must be unique</source>
        <translation>el id {id} también está en la fila {first_row}: los id deben ser únicos</translation>
    </message>
    <message>
        <source>email {email} is also on row {first_row}</source>
        <translation>el correo {email} también está en la fila {first_row}</translation>
    </message>
    <message>
        <source>manager {manager} not found: no row has this id, email or name</source>
        <translation>no se encuentra el responsable {manager}: ninguna fila tiene ese id, correo o nombre</translation>
    </message>
    <message>
        <source>manager {manager} is ambiguous: rows {rows} match; give the manager&apos;s id or email instead</source>
        <translation>el responsable {manager} es ambiguo: coinciden las filas {rows}; indica mejor el id o el correo del responsable</translation>
    </message>
    <message>
        <source>{person} reports to themselves</source>
        <translation>{person} figura como su propio responsable</translation>
    </message>
    <message>
        <source>reporting cycle: {people}; someone in it must report to a person outside it</source>
        <translation>ciclo de dependencias: {people}; alguien del ciclo debe depender de una persona de fuera</translation>
    </message>
    <message>
        <source>no row has the id, email or name {root}: nobody to import</source>
        <translation>ninguna fila tiene el id, el correo o el nombre {root}: no hay nadie que importar</translation>
    </message>
    <message>
        <source>{root} is ambiguous: rows {rows} match; give the person&apos;s id or email instead</source>
        <translation>{root} es ambiguo: coinciden las filas {rows}; indique el id o el correo de la persona</translation>
    </message>
    <message>
        <source>only the organisation of {person} is imported: {count} of {total} rows</source>
        <translation>solo se importa la organización de {person}: {count} de {total} filas</translation>
    </message>
    <message>
        <source>title {title} read as the role {role}</source>
        <translation>el cargo {title} se ha interpretado como el rol {role}</translation>
    </message>
    <message>
        <source>department {department} is none of Executive, Marketing, Sales, Customer Success, Revenue Operations: the role&apos;s department is used</source>
        <translation>el departamento {department} no es ninguno de Dirección, Marketing, Ventas, Customer Success, Operaciones de ingresos (RevOps): se usa el departamento del rol</translation>
    </message>
    <message>
        <source>{count} rows have no manager (rows {rows}): each heads its own chart</source>
        <translation>{count} filas no tienen responsable (filas {rows}): cada una encabeza su propio organigrama</translation>
    </message>
    <message>
        <source>{count} row without a cost: it takes the role&apos;s default cost</source>
        <translation>{count} fila sin coste: toma el coste por defecto del rol</translation>
    </message>
    <message>
        <source>{count} rows without a cost: they take the role&apos;s default cost</source>
        <translation>{count} filas sin coste: toman el coste por defecto del rol</translation>
    </message>
    <message>
        <source>{count} {role} position placed in {department}, as the Department column says</source>
        <translation>{count} puesto de {role} asignado a {department}, como indica la columna Departamento</translation>
    </message>
    <message>
        <source>{count} {role} positions placed in {department}, as the Department column says</source>
        <translation>{count} puestos de {role} asignados a {department}, como indica la columna Departamento</translation>
    </message>
    <message>
        <source>{count} {role} position kept in {home}, the role&apos;s department, although the Department column says {department}</source>
        <translation>{count} puesto de {role} se mantiene en {home}, el departamento del rol, aunque la columna Departamento indica {department}</translation>
    </message>
    <message>
        <source>{count} {role} positions kept in {home}, the role&apos;s department, although the Department column says {department}</source>
        <translation>{count} puestos de {role} se mantienen en {home}, el departamento del rol, aunque la columna Departamento indica {department}</translation>
    </message>
    <message>
        <source>{count} person placed in Outside revenue: the title matches no revenue role and the department is no revenue function; shown on the chart, not counted in revenue cost, CAC or capacity</source>
        <translation>{count} persona colocada en Fuera de ingresos: el puesto no corresponde a ningún rol de ingresos y el departamento no es una función de ingresos; aparece en el organigrama, pero no cuenta en el coste de ingresos, el CAC ni la capacidad</translation>
    </message>
    <message>
        <source>{count} people placed in Outside revenue: their titles match no revenue role and their departments are no revenue function; shown on the chart, not counted in revenue cost, CAC or capacity</source>
        <translation>{count} personas colocadas en Fuera de ingresos: sus puestos no corresponden a ningún rol de ingresos y sus departamentos no son funciones de ingresos; aparecen en el organigrama, pero no cuentan en el coste de ingresos, el CAC ni la capacidad</translation>
    </message>
    <message>
        <source>{count} named person starts in or after fiscal year {year}, first {person}: named people count for the whole year (the start date is in the position&apos;s notes); clear the name to plan an open hire from that month</source>
        <translation>{count} persona con nombre se incorpora en el año fiscal {year} o más tarde (la primera, {person}): las personas con nombre cuentan durante todo el año (la fecha de incorporación figura en las notas del puesto); borra el nombre para planificar una vacante que se cubra desde ese mes</translation>
    </message>
    <message>
        <source>{count} named people start in or after fiscal year {year}, first {person}: named people count for the whole year (the start date is in the position&apos;s notes); clear the name to plan an open hire from that month</source>
        <translation>{count} personas con nombre se incorporan en el año fiscal {year} o más tarde (la primera, {person}): las personas con nombre cuentan durante todo el año (la fecha de incorporación figura en las notas del puesto); borra el nombre para planificar una vacante que se cubra desde ese mes</translation>
    </message>
    <message>
        <source>guessed from the title</source>
        <translation>deducido del cargo</translation>
    </message>
    <message>
        <source>from the Department column</source>
        <translation>según la columna Departamento</translation>
    </message>
    <message>
        <source>title {title} matches no role of the catalogue: added as a custom role in {department} ({why}; no capacity), {count} position</source>
        <translation>el cargo {title} no coincide con ningún rol del catálogo: se añade como rol personalizado en {department} ({why}; sin capacidad), {count} puesto</translation>
    </message>
    <message>
        <source>title {title} matches no role of the catalogue: added as a custom role in {department} ({why}; no capacity), {count} positions</source>
        <translation>el cargo {title} no coincide con ningún rol del catálogo: se añade como rol personalizado en {department} ({why}; sin capacidad), {count} puestos</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>un documento PDF</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>una imagen PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>una imagen JPEG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>una imagen GIF</translation>
    </message>
    <message>
        <source>a SQLite database (a RevOrg plan opens with `revorg FILE`)</source>
        <translation>una base de datos SQLite (un plan de RevOrg se abre con `revorg ARCHIVO`)</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>un archivo comprimido gzip</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>un archivo comprimido 7-Zip</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>un archivo comprimido RAR</translation>
    </message>
    <message>
        <source>a rich-text (RTF) document</source>
        <translation>un documento de texto enriquecido (RTF)</translation>
    </message>
    <message>
        <source>a program (ELF executable)</source>
        <translation>un programa (ejecutable ELF)</translation>
    </message>
    <message>
        <source>{file} is empty (0 bytes)</source>
        <translation>{file} está vacío (0 bytes)</translation>
    </message>
    <message>
        <source>{file} is {size} MB: files over {limit} MB are refused (a roster of 100,000 people is about 10 MB)</source>
        <translation>{file} ocupa {size} MB: se rechazan los archivos de más de {limit} MB (un listado de 100.000 personas ocupa unos 10 MB)</translation>
    </message>
    <message>
        <source>{file} is named {suffix} but is an Excel workbook: rename it to .xlsx</source>
        <translation>{file} tiene la extensión {suffix}, pero es un libro de Excel: cámbiale la extensión a .xlsx</translation>
    </message>
    <message>
        <source>{file} is {description}, not a workbook or a CSV roster</source>
        <translation>{file} es {description}, no un libro de Excel ni un listado CSV</translation>
    </message>
    <message>
        <source>{file} holds binary data, not text: it is neither a CSV roster nor an Excel workbook</source>
        <translation>{file} contiene datos binarios, no texto: no es un listado CSV ni un libro de Excel</translation>
    </message>
    <message>
        <source>a text file (a CSV renamed?)</source>
        <translation>un archivo de texto (¿un CSV renombrado?)</translation>
    </message>
    <message>
        <source>an XML or HTML document</source>
        <translation>un documento XML o HTML</translation>
    </message>
    <message>
        <source>{file} is named {suffix} but is {looks}, not an Excel workbook (an .xlsx is a zip archive): save it from Excel as .xlsx, or rename a CSV to .csv</source>
        <translation>{file} tiene la extensión {suffix}, pero es {looks}, no un libro de Excel (un .xlsx es un archivo zip): guárdalo desde Excel como .xlsx o, si es un CSV, cámbiale la extensión a .csv</translation>
    </message>
    <message>
        <source>{file} is an XML or HTML document, not a CSV roster</source>
        <translation>{file} es un documento XML o HTML, no un listado CSV</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>no se puede leer {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} does not exist</source>
        <translation>{file} no existe</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file</source>
        <translation>{file} es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>{file} is not a regular file</source>
        <translation>{file} no es un archivo normal</translation>
    </message>
    <message>
        <source>{file} is password-protected (an encrypted Excel workbook): open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook) and save it again</source>
        <translation>{file} está protegido con contraseña (un libro de Excel cifrado): ábrelo en Excel, quita la contraseña (Archivo &gt; Información &gt; Proteger libro) y vuelve a guardarlo</translation>
    </message>
    <message>
        <source>{file} is an Excel 97-2003 workbook (.xls): save it from Excel as .xlsx or .csv</source>
        <translation>{file} es un libro de Excel 97-2003 (.xls): guárdalo desde Excel como .xlsx o .csv</translation>
    </message>
    <message>
        <source>{file} is an Office 97-2003 document (OLE2), not a workbook or a CSV roster</source>
        <translation>{file} es un documento de Office 97-2003 (OLE2), no un libro de Excel ni un listado CSV</translation>
    </message>
    <message>
        <source>{file} is damaged: not a readable zip archive ({reason})</source>
        <translation>{file} está dañado: no es un archivo zip legible ({reason})</translation>
    </message>
    <message>
        <source>{file} has {count} parts (a workbook has a few dozen): refused as a crafted archive</source>
        <translation>{file} tiene {count} partes (un libro de Excel tiene unas pocas decenas): se rechaza por parecer un archivo manipulado</translation>
    </message>
    <message>
        <source>{file} is an encrypted zip archive: save it again without a password</source>
        <translation>{file} es un archivo zip cifrado: vuelve a guardarlo sin contraseña</translation>
    </message>
    <message>
        <source>{file} would expand to {size} MB when unpacked (the limit is {limit} MB): refused as a possible zip bomb</source>
        <translation>{file} ocuparía {size} MB al descomprimirse (el límite es {limit} MB): se rechaza como posible bomba zip</translation>
    </message>
    <message>
        <source>{file}: part {part} is compressed {ratio} times (real workbooks stay under {limit}): refused as a possible zip bomb</source>
        <translation>{file}: la parte {part} está comprimida {ratio} veces (los libros reales no pasan de {limit}): se rechaza como posible bomba zip</translation>
    </message>
    <message>
        <source>an Excel binary workbook (.xlsb): save it from Excel as .xlsx or .csv</source>
        <translation>un libro binario de Excel (.xlsb): guárdalo desde Excel como .xlsx o .csv</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv</source>
        <translation>una hoja de cálculo OpenDocument (.ods): guárdala como .xlsx o .csv</translation>
    </message>
    <message>
        <source>a Word document, not a workbook</source>
        <translation>un documento de Word, no un libro de Excel</translation>
    </message>
    <message>
        <source>a PowerPoint presentation, not a workbook</source>
        <translation>una presentación de PowerPoint, no un libro de Excel</translation>
    </message>
    <message>
        <source>a zip archive, not an Excel workbook</source>
        <translation>un archivo zip, no un libro de Excel</translation>
    </message>
    <message>
        <source>{file} is {what}</source>
        <translation>{file} es {what}</translation>
    </message>
    <message>
        <source>{file}: part {part} declares XML entities (a DTD), which workbooks never do: refused as a possible XML bomb</source>
        <translation>{file}: la parte {part} declara entidades XML (una DTD), algo que los libros de Excel nunca hacen: se rechaza como posible bomba XML</translation>
    </message>
    <message>
        <source>{value} is not an amount</source>
        <translation>{value} no es un importe</translation>
    </message>
    <message>
        <source>negative amount {amount}</source>
        <translation>importe negativo {amount}</translation>
    </message>
    <message>
        <source>{value} is not a date</source>
        <translation>{value} no es una fecha</translation>
    </message>
    <message>
        <source>{value} is not a date (write 2027-03-15, 15/03/2027 or 03/2027)</source>
        <translation>{value} no es una fecha (escribe 2027-03-15, 15/03/2027 o 03/2027)</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>con el día primero</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>con el mes primero</translation>
    </message>
    <message>
        <source>dates such as {value} could be day/month or month/day: read {order} ({date}), as usual with headings in {language}; write 2027-03-15 to be sure</source>
        <translation>las fechas como {value} pueden ser día/mes o mes/día: se leen {order} ({date}), como es habitual con encabezados en {language}; escribe 2027-03-15 para evitar dudas</translation>
    </message>
    <message>
        <source>binary data (character {character}): this is not a text roster</source>
        <translation>datos binarios (carácter {character}): esto no es un listado de texto</translation>
    </message>
    <message>
        <source>{file}: the first line has no commas, semicolons or tabs, so this is not a CSV roster (it needs at least the columns Name and Title)</source>
        <translation>{file}: la primera línea no tiene comas, puntos y coma ni tabuladores, así que no es un listado CSV (necesita al menos las columnas Nombre y Puesto)</translation>
    </message>
    <message>
        <source>cannot be read as CSV: {reason}</source>
        <translation>no se puede leer como CSV: {reason}</translation>
    </message>
    <message>
        <source>{file} starts like UTF-16 text but is not valid UTF-16</source>
        <translation>{file} empieza como texto UTF-16, pero no es UTF-16 válido</translation>
    </message>
    <message>
        <source>the file is not UTF-8; it was read as {encoding}: check the names, and save as &quot;CSV UTF-8&quot; next time</source>
        <translation>el archivo no está en UTF-8; se ha leído como {encoding}: revisa los nombres y la próxima vez guárdalo como «CSV UTF-8»</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook: {reason}</source>
        <translation>no se puede leer {file} como libro de Excel: {reason}</translation>
    </message>
    <message>
        <source>a cost must not be negative: {cost}</source>
        <translation>un coste no puede ser negativo: {cost}</translation>
    </message>
    <message>
        <source>{file} is damaged: a sheet cannot be read ({reason})</source>
        <translation>{file} está dañado: no se puede leer una hoja ({reason})</translation>
    </message>
    <message>
        <source>this workbook was made by a newer version of RevOrg (workbook format {version}; this version reads up to {supported}): please update RevOrg</source>
        <translation>este libro se creó con una versión más reciente de RevOrg (formato de libro {version}; esta versión lee hasta el {supported}): actualiza RevOrg</translation>
    </message>
    <message>
        <source>this is not a RevOrg workbook: the sheet {missing} is missing (a RevOrg workbook has the sheets {targets}, {org}, {assumptions} and {roles})</source>
        <translation>este no es un libro de RevOrg: falta la hoja {missing} (un libro de RevOrg tiene las hojas {targets}, {org}, {assumptions} y {roles})</translation>
    </message>
    <message>
        <source>a formula without a computed value: type the value, or open and save the workbook in Excel or LibreOffice first</source>
        <translation>una fórmula sin valor calculado: escribe el valor, o abre y guarda antes el libro en Excel o LibreOffice</translation>
    </message>
    <message>
        <source>the cell holds the error {code}</source>
        <translation>la celda contiene el error {code}</translation>
    </message>
    <message>
        <source>this cell must not be blank</source>
        <translation>esta celda no puede estar en blanco</translation>
    </message>
    <message>
        <source>the currency {currency} is not an ISO 4217 code: EUR is used</source>
        <translation>la moneda {currency} no es un código ISO 4217: se usa EUR</translation>
    </message>
    <message>
        <source>not a fiscal year: {value}</source>
        <translation>no es un año fiscal: {value}</translation>
    </message>
    <message>
        <source>not a month (1-12): {value}</source>
        <translation>no es un mes (1-12): {value}</translation>
    </message>
    <message>
        <source>must not be negative: {value}</source>
        <translation>no puede ser negativo: {value}</translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more: {value}</source>
        <translation>debe ser un número entero, 0 o más: {value}</translation>
    </message>
    <message>
        <source>a rate must be between 0 % and 100 % (write 10% or 0.1): {value}</source>
        <translation>una tasa debe estar entre 0 % y 100 % (escribe 10 % o 0,1): {value}</translation>
    </message>
    <message>
        <source>the defined name {name} does not name twelve cells of one row: the seasonality is flat</source>
        <translation>el nombre definido {name} no nombra doce celdas de una fila: la estacionalidad es uniforme</translation>
    </message>
    <message>
        <source>{reason}: the seasonality is flat</source>
        <translation>{reason}: la estacionalidad es uniforme</translation>
    </message>
    <message>
        <source>the defined name {name} is missing: it must name the cell that holds it</source>
        <translation>falta el nombre definido {name}: debe señalar la celda que contiene ese valor</translation>
    </message>
    <message>
        <source>the defined name {name} is missing: a default is used</source>
        <translation>falta el nombre definido {name}: se usa un valor por defecto</translation>
    </message>
    <message>
        <source>the defined name {name} does not refer to one cell ({reference})</source>
        <translation>el nombre definido {name} no se refiere a una sola celda ({reference})</translation>
    </message>
    <message>
        <source>the defined name {name} refers to a range, not one cell</source>
        <translation>el nombre definido {name} se refiere a un rango, no a una sola celda</translation>
    </message>
    <message>
        <source>no Roles sheet: the built-in role catalogue is used</source>
        <translation>no hay hoja Roles: se usa el catálogo de roles integrado</translation>
    </message>
    <message>
        <source>a role needs a key</source>
        <translation>un rol necesita una clave</translation>
    </message>
    <message>
        <source>the role key {key} is also on row {first_row}</source>
        <translation>la clave de rol {key} también está en la fila {first_row}</translation>
    </message>
    <message>
        <source>not a role key: {key}</source>
        <translation>no es una clave de rol válida: {key}</translation>
    </message>
    <message>
        <source>unknown capacity kind {kind} (one of: {kinds})</source>
        <translation>tipo de capacidad desconocido {kind} (debe ser uno de: {kinds})</translation>
    </message>
    <message>
        <source>unknown funnel stage {stage}: &apos;all&apos; is used</source>
        <translation>etapa del embudo desconocida {stage}: se usa &apos;all&apos;</translation>
    </message>
    <message>
        <source>a department is needed</source>
        <translation>hace falta un departamento</translation>
    </message>
    <message>
        <source>unknown department {department} (one of: {keys})</source>
        <translation>departamento desconocido {department} (debe ser uno de: {keys})</translation>
    </message>
    <message>
        <source>no Assumptions sheet: the default assumptions are used</source>
        <translation>no hay hoja Assumptions: se usan los supuestos por defecto</translation>
    </message>
    <message>
        <source>an assumption needs a role key and a metric</source>
        <translation>un supuesto necesita una clave de rol y una métrica</translation>
    </message>
    <message>
        <source>{role_key} / {metric} is also on row {first_row}</source>
        <translation>{role_key} / {metric} también está en la fila {first_row}</translation>
    </message>
    <message>
        <source>an assumption must not be negative: {value}</source>
        <translation>un supuesto no puede ser negativo: {value}</translation>
    </message>
    <message>
        <source>no role has the key {key}: this assumption has no effect</source>
        <translation>ningún rol tiene la clave {key}: este supuesto no tiene efecto</translation>
    </message>
    <message>
        <source>RevOrg does not use the metric {metric}: it is kept but has no effect</source>
        <translation>RevOrg no usa la métrica {metric}: se conserva, pero no tiene efecto</translation>
    </message>
    <message>
        <source>a cost must be at most {limit}: {cost}</source>
        <translation>un coste no puede pasar de {limit}: {cost}</translation>
    </message>
    <message>
        <source>no cost: the role&apos;s default annual cost ({cost}) is used</source>
        <translation>sin coste: se usa el coste anual por defecto del rol ({cost})</translation>
    </message>
    <message>
        <source>a capacity must not be negative: {capacity}</source>
        <translation>una capacidad no puede ser negativa: {capacity}</translation>
    </message>
    <message>
        <source>a position needs a role</source>
        <translation>un puesto necesita un rol</translation>
    </message>
    <message>
        <source>unknown role {role}: name a department for it, or add it to the Roles sheet</source>
        <translation>rol desconocido {role}: indica su departamento o añádelo a la hoja Roles</translation>
    </message>
    <message>
        <source>unknown role {role}: added as the custom role {key} without capacity (give it a capacity kind on the Roles sheet)</source>
        <translation>rol desconocido {role}: se añade como rol personalizado {key} sin capacidad (asígnale un tipo de capacidad en la hoja Roles)</translation>
    </message>
    <message>
        <source>the ID {id} is also used on row {first_row}</source>
        <translation>el ID {id} también se usa en la fila {first_row}</translation>
    </message>
    <message>
        <source>the manager ID {id} is not the ID of any row</source>
        <translation>el ID de responsable {id} no es el ID de ninguna fila</translation>
    </message>
    <message>
        <source>a position cannot report to itself</source>
        <translation>un puesto no puede depender de sí mismo</translation>
    </message>
    <message>
        <source>the dotted line to {id} does not lead to another row&apos;s ID</source>
        <translation>la línea de puntos a {id} no lleva al ID de otra fila</translation>
    </message>
    <message>
        <source>a reporting cycle: {chain} (each reports to the next)</source>
        <translation>un ciclo de dependencias: {chain} (cada uno depende del siguiente)</translation>
    </message>
    <message>
        <source>the column {heading} is missing (row 1 holds the headings)</source>
        <translation>falta la columna {heading} (la fila 1 contiene los encabezados)</translation>
    </message>
    <message>
        <source>the column {heading} is missing</source>
        <translation>falta la columna {heading}</translation>
    </message>
    <message>
        <source>not yes or no: {value} (write TRUE or FALSE)</source>
        <translation>no es sí ni no: {value} (escribe VERDADERO o FALSO)</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to {limit}: {number}</source>
        <translation>debe ser un número entero de 1 a {limit}: {number}</translation>
    </message>
    <message>
        <source>not a number: {value}</source>
        <translation>no es un número: {value}</translation>
    </message>
    <message>
        <source>not a month: {value}</source>
        <translation>no es un mes: {value}</translation>
    </message>
    <message>
        <source>a date where a number belongs: {value}</source>
        <translation>una fecha donde debería haber un número: {value}</translation>
    </message>
    <message>
        <source>not a percentage: {value}</source>
        <translation>no es un porcentaje: {value}</translation>
    </message>
    <message>
        <source>not a whole number: {value}</source>
        <translation>no es un número entero: {value}</translation>
    </message>
    <message>
        <source>not a month: {value} (write it as 2027-03)</source>
        <translation>no es un mes: {value} (escríbelo como 2027-03)</translation>
    </message>
    <message>
        <source>ambiguous date: {value} could be day/month or month/day (write it as 2027-03)</source>
        <translation>fecha ambigua: {value} puede ser día/mes o mes/día (escríbela como 2027-03)</translation>
    </message>
    <message>
        <source>not a month: {value} (as an Excel date it is {date}; write it as 2027-03)</source>
        <translation>no es un mes: {value} (como fecha de Excel es el {date}; escríbelo como 2027-03)</translation>
    </message>
    <message>
        <source>no column is headed {heading}; the heading row has {found}</source>
        <translation>ninguna columna se titula {heading}; la fila de encabezados tiene {found}</translation>
    </message>
    <message>
        <source>Owner (Opportunity Owner, Deal owner)</source>
        <translation>Propietario (Propietario de la oportunidad, Propietario del negocio)</translation>
    </message>
    <message>
        <source>Amount (Importe, 金额)</source>
        <translation>Importe (Amount, 金额)</translation>
    </message>
    <message>
        <source>Close Date (Fecha de cierre, 结束日期)</source>
        <translation>Fecha de cierre (Close Date, 结束日期)</translation>
    </message>
    <message>
        <source>Stage or Won (Etapa, 阶段)</source>
        <translation>Etapa o Ganada (Stage, Won, 阶段)</translation>
    </message>
    <message>
        <source>{value} cannot be read: deal left out</source>
        <translation>no se puede leer {value}: negocio omitido</translation>
    </message>
    <message>
        <source>{file} is not a file</source>
        <translation>{file} no es un archivo</translation>
    </message>
    <message>
        <source>no such image file: {file}</source>
        <translation>no existe el archivo de imagen: {file}</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB: a photo is at most that</source>
        <translation>{file} ocupa más de {limit} MB: una foto no puede ocupar más</translation>
    </message>
    <message>
        <source>{file} cannot be read: {problem}</source>
        <translation>no se puede leer {file}: {problem}</translation>
    </message>
    <message>
        <source>{file} is not a PNG, JPEG, GIF, WebP or BMP image</source>
        <translation>{file} no es una imagen PNG, JPEG, GIF, WebP ni BMP</translation>
    </message>
    <message>
        <source>{file} has too many pixels to be opened safely (more than {limit} million)</source>
        <translation>{file} tiene demasiados píxeles para abrirla con seguridad (más de {limit} millones)</translation>
    </message>
    <message>
        <source>{file} is damaged: its image cannot be read</source>
        <translation>{file} está dañado: no se puede leer su imagen</translation>
    </message>
    <message>
        <source>{file} is not a local file: only image files on this computer are read</source>
        <translation>{file} no es un archivo local: solo se leen archivos de imagen de este equipo</translation>
    </message>
    <message>
        <source>{value} is not yes or no</source>
        <translation>{value} no es sí ni no</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import %1</source>
        <translation>Importar %1</translation>
    </message>
    <message>
        <source>everybody</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>Import only this person (id, email or name) and everyone under them</source>
        <translation>Importar solo a esta persona (id, correo o nombre) y a todos los que dependen de ella</translation>
    </message>
    <message>
        <source>Targets and assumptions of a roster from</source>
        <translation>Objetivos y supuestos del listado de personal tomados de</translation>
    </message>
    <message>
        <source>Only the organisation of</source>
        <translation>Solo la organización de</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(no se lee)</translation>
    </message>
    <message>
        <source>Nothing can be imported until these errors are fixed in the file.</source>
        <translation>No se puede importar nada hasta corregir estos errores en el archivo.</translation>
    </message>
    <message>
        <source>%1, %2 (%3). Open it as a new, unsaved plan?</source>
        <translation>%1, %2 (%3). ¿Abrirlo como un plan nuevo sin guardar?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln puesto</numerusform>
            <numerusform>%Ln puestos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se han encontrado problemas.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>No position selected</source>
        <translation>Ningún puesto seleccionado</translation>
    </message>
    <message>
        <source>Open position (vacancy)</source>
        <translation>Puesto vacante (sin cubrir)</translation>
    </message>
    <message>
        <source>name@company.com: matches CRM deal owners</source>
        <translation>nombre@empresa.com: enlaza con los propietarios de negocios del CRM</translation>
    </message>
    <message>
        <source>from the role&apos;s assumptions</source>
        <translation>según los supuestos del rol</translation>
    </message>
    <message>
        <source>Staff of the manager (drawn beside)</source>
        <translation>Staff del responsable (junto a él)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>History of this position…</source>
        <translation>Historial de este puesto…</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Nº de personas</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Incorporación</translation>
    </message>
    <message>
        <source>Annual cost per head</source>
        <translation>Coste anual por persona</translation>
    </message>
    <message>
        <source>Capacity override</source>
        <translation>Capacidad manual</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Dotted lines to</source>
        <translation>Líneas de puntos a</translation>
    </message>
    <message>
        <source>Select a card to edit it.</source>
        <translation>Selecciona una tarjeta para editarla.</translation>
    </message>
    <message>
        <source>(none: top)</source>
        <translation>(ninguno: nivel superior)</translation>
    </message>
    <message>
        <source>Already in seat / at year start</source>
        <translation>Ya en el puesto / a inicio de año</translation>
    </message>
    <message>
        <source>open</source>
        <translation>vacante</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company revenue goal</source>
        <translation>Objetivo de ingresos de la empresa</translation>
    </message>
    <message>
        <source>Marketing: leads</source>
        <translation>Marketing: leads</translation>
    </message>
    <message>
        <source>Sales: close rate (%)</source>
        <translation>Ventas: tasa de cierre (%)</translation>
    </message>
    <message>
        <source>Sales: average deal</source>
        <translation>Ventas: ticket medio</translation>
    </message>
    <message>
        <source>CS: current revenue</source>
        <translation>CS: ingresos actuales</translation>
    </message>
    <message>
        <source>CS: retention (%)</source>
        <translation>CS: retención (%)</translation>
    </message>
    <message>
        <source>CS: expansion</source>
        <translation>CS: expansión</translation>
    </message>
    <message>
        <source>Seasonality of bookings</source>
        <translation>Estacionalidad de las ventas</translation>
    </message>
    <message>
        <source>Annual quota</source>
        <translation>Cuota anual</translation>
    </message>
    <message>
        <source>Annual expansion quota</source>
        <translation>Cuota anual de expansión</translation>
    </message>
    <message>
        <source>Quota attainment (%)</source>
        <translation>Cumplimiento de cuota (%)</translation>
    </message>
    <message>
        <source>Book of business per CSM</source>
        <translation>Cartera por CSM</translation>
    </message>
    <message>
        <source>Qualified meetings per month</source>
        <translation>Reuniones cualificadas al mes</translation>
    </message>
    <message>
        <source>Qualified leads per month</source>
        <translation>Leads cualificados al mes</translation>
    </message>
    <message>
        <source>Ramp (months)</source>
        <translation>Rampa (meses)</translation>
    </message>
    <message>
        <source>Meeting-to-win rate (%)</source>
        <translation>Tasa de cierre por reunión (%)</translation>
    </message>
    <message>
        <source>Suggested hires start in month</source>
        <translation>Mes de inicio de las contrataciones sugeridas</translation>
    </message>
    <message>
        <source>Revenue uplift from a CRO (% of goal)</source>
        <translation>Aumento de ingresos por un CRO (% del objetivo)</translation>
    </message>
    <message>
        <source>Annual attrition (%)</source>
        <translation>Rotación anual (%)</translation>
    </message>
    <message>
        <source>Backfill delay (months)</source>
        <translation>Plazo de reposición (meses)</translation>
    </message>
    <message>
        <source>Gross margin (%)</source>
        <translation>Margen bruto (%)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Nº de personas</translation>
    </message>
    <message>
        <source>Start month</source>
        <translation>Mes de incorporación</translation>
    </message>
    <message>
        <source>Annual cost</source>
        <translation>Coste anual</translation>
    </message>
    <message>
        <source>Capacity override</source>
        <translation>Capacidad manual</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Teammates&apos; changes could not be taken into this window: reopen the plan</source>
        <translation>Los cambios de los compañeros no se pudieron aplicar en esta ventana: vuelva a abrir el plan</translation>
    </message>
    <message>
        <source>Teammates&apos; changes could not be taken into this window: the plan is read again</source>
        <translation>Los cambios de los compañeros no se pudieron aplicar en esta ventana: el plan se vuelve a leer</translation>
    </message>
    <message>
        <source>%1 made %2 changes</source>
        <translation>%1 hizo %2 cambios</translation>
    </message>
    <message>
        <source>%1 changed %2&apos;s %3</source>
        <translation>%1 cambió %3 de %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Plan totals</source>
        <translation>Totales del plan</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>sin guardar</translation>
    </message>
    <message>
        <source>on goal</source>
        <translation>objetivo cumplido</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>diferencia %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · cost not available · %4</source>
        <translation>%1 · %2 · %3 · coste no disponible · %4</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 cost · %5</source>
        <translation>%1 · %2 · %3 · coste %4 · %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln puesto</numerusform>
            <numerusform>%Ln puestos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln vacante</numerusform>
            <numerusform>%Ln vacantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Focus shows a manager&apos;s team: choose a card with reports.</source>
        <translation>El foco muestra el equipo de un responsable: elija una tarjeta con subordinados.</translation>
    </message>
    <message>
        <source>Select a manager&apos;s card to focus on its team.</source>
        <translation>Seleccione la tarjeta de un responsable para enfocar su equipo.</translation>
    </message>
    <message>
        <source>The plan as it was right after step %1 (%2, %3): %4</source>
        <translation>El plan tal como estaba justo después del paso %1 (%2, %3): %4</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Company revenue goal</source>
        <translation>Objetivo de ingresos de la empresa</translation>
    </message>
    <message>
        <source>Planned revenue</source>
        <translation>Ingresos previstos</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Vista previa: %1</translation>
    </message>
    <message>
        <source>%1 after step %2</source>
        <translation>%1 tras el paso %2</translation>
    </message>
    <message>
        <source>Restore as new scenario</source>
        <translation>Restaurar como escenario nuevo</translation>
    </message>
    <message>
        <source>The new language applies when RevOrg starts again.</source>
        <translation>El nuevo idioma se aplicará cuando RevOrg se vuelva a abrir.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New from template…</source>
        <translation>&amp;Nuevo desde plantilla…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open tea&amp;m plan…</source>
        <translation>Abrir plan de e&amp;quipo…</translation>
    </message>
    <message>
        <source>P&amp;ublish to team server…</source>
        <translation>P&amp;ublicar en el servidor de equipo…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Plan se&amp;ttings…</source>
        <translation>Con&amp;figuración del plan…</translation>
    </message>
    <message>
        <source>&amp;Import workbook or roster…</source>
        <translation>&amp;Importar libro o listado de personal…</translation>
    </message>
    <message>
        <source>Import a&amp;ctuals…</source>
        <translation>Importar rea&amp;les…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Excel &amp;workbook…</source>
        <translation>&amp;Libro de Excel…</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG image…</source>
        <translation>Organigrama como imagen &amp;PNG…</translation>
    </message>
    <message>
        <source>Chart as &amp;SVG drawing…</source>
        <translation>Organigrama como dibujo &amp;SVG…</translation>
    </message>
    <message>
        <source>Chart as P&amp;DF…</source>
        <translation>Organigrama como P&amp;DF…</translation>
    </message>
    <message>
        <source>S&amp;lides…</source>
        <translation>D&amp;iapositivas…</translation>
    </message>
    <message>
        <source>&amp;Print chart…</source>
        <translation>Im&amp;primir organigrama…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Add direct report…</source>
        <translation>&amp;Añadir subordinado directo…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Re&amp;nombrar</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>Dup&amp;licar</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit chart</source>
        <translation>A&amp;justar organigrama</translation>
    </message>
    <message>
        <source>Fit &amp;readable</source>
        <translation>Ajustar le&amp;gible</translation>
    </message>
    <message>
        <source>As much of the chart as shows with readable names, around the selection</source>
        <translation>Todo el organigrama que cabe con nombres legibles, alrededor de la selección</translation>
    </message>
    <message>
        <source>Overview &amp;map</source>
        <translation>&amp;Mapa general</translation>
    </message>
    <message>
        <source>&amp;Compact teams</source>
        <translation>&amp;Compactar equipos</translation>
    </message>
    <message>
        <source>Collapse / e&amp;xpand</source>
        <translation>Contraer / e&amp;xpandir</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Workshop mode</source>
        <translation>Modo &amp;taller</translation>
    </message>
    <message>
        <source>Leave workshop mode</source>
        <translation>Salir del modo taller</translation>
    </message>
    <message>
        <source>Expand to &amp;level</source>
        <translation>Expandir hasta el &amp;nivel</translation>
    </message>
    <message>
        <source>Focus &amp;team</source>
        <translation>Enfocar &amp;equipo</translation>
    </message>
    <message>
        <source>Level &amp;1</source>
        <translation>Nivel &amp;1</translation>
    </message>
    <message>
        <source>Level &amp;2</source>
        <translation>Nivel &amp;2</translation>
    </message>
    <message>
        <source>Level &amp;3</source>
        <translation>Nivel &amp;3</translation>
    </message>
    <message>
        <source>&amp;All levels</source>
        <translation>&amp;Todos los niveles</translation>
    </message>
    <message>
        <source>Focus &amp;up a level</source>
        <translation>Enfocar un nivel más a&amp;rriba</translation>
    </message>
    <message>
        <source>Whole or&amp;ganisation</source>
        <translation>Toda la &amp;organización</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>E&amp;scenario</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source> Scenario </source>
        <translation> Escenario </translation>
    </message>
    <message>
        <source>&amp;New scenario (copy of this one)…</source>
        <translation>&amp;Nuevo escenario (copia de este)…</translation>
    </message>
    <message>
        <source>&amp;Rename scenario…</source>
        <translation>&amp;Renombrar escenario…</translation>
    </message>
    <message>
        <source>&amp;Delete scenario</source>
        <translation>&amp;Eliminar escenario</translation>
    </message>
    <message>
        <source>&amp;Compare scenarios…</source>
        <translation>&amp;Comparar escenarios…</translation>
    </message>
    <message>
        <source>Take &amp;snapshot…</source>
        <translation>Tomar &amp;instantánea…</translation>
    </message>
    <message>
        <source>Sn&amp;apshots…</source>
        <translation>Instantáne&amp;as…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Welcome and templates…</source>
        <translation>&amp;Bienvenida y plantillas…</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>&amp;Informar de un problema…</translation>
    </message>
    <message>
        <source>&amp;About RevOrg</source>
        <translation>&amp;Acerca de RevOrg</translation>
    </message>
</context>
<context>
    <name>NumberError</name>
    <message>
        <source>not a number: {text}</source>
        <translation>no es un número: {text}</translation>
    </message>
    <message>
        <source>not a finite number: {text}</source>
        <translation>no es un número finito: {text}</translation>
    </message>
    <message>
        <source>{text} is unclear: write thousands as {example}</source>
        <translation>{text} no está claro: escribe los miles así: {example}</translation>
    </message>
</context>
<context>
    <name>OpenTeamPlanDialog</name>
    <message>
        <source>Open team plan</source>
        <translation>Abrir plan de equipo</translation>
    </message>
    <message>
        <source>List plans</source>
        <translation>Ver planes</translation>
    </message>
    <message>
        <source>The plan&apos;s URL (…/revorg?plan=NAME), or the server&apos;s URL to choose one of its plans:</source>
        <translation>La URL del plan (…/revorg?plan=NOMBRE), o la URL del servidor para elegir uno de sus planes:</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on this server</source>
        <translation>
            <numerusform>%n plan en este servidor</numerusform>
            <numerusform>%n planes en este servidor</numerusform>
        </translation>
    </message>
    <message>
        <source>No team plans on this server that you may read.</source>
        <translation>No hay planes de equipo en este servidor que pueda leer.</translation>
    </message>
</context>
<context>
    <name>OutlineLink</name>
    <message>
        <source>Outline</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>Outli&amp;ne</source>
        <translation>E&amp;squema</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Nº de personas</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Incorporación</translation>
    </message>
    <message>
        <source>Cost per head</source>
        <translation>Coste por persona</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Annual cost per head</source>
        <translation>Coste anual por persona</translation>
    </message>
    <message>
        <source>What the position delivers in the fiscal year, all heads counted</source>
        <translation>Lo que aporta el puesto en el ejercicio, contando todas sus personas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Vacante</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>In seat</source>
        <translation>En el puesto</translation>
    </message>
    <message>
        <source>%1 meetings</source>
        <translation>%1 reuniones</translation>
    </message>
    <message>
        <source>%1 leads</source>
        <translation>%1 leads</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Filter: any column</source>
        <translation>Filtrar: cualquier columna</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>Filtrar el esquema</translation>
    </message>
    <message>
        <source>Shows the positions whose texts contain these words, with their managers</source>
        <translation>Muestra los puestos cuyos textos contienen estas palabras, con sus responsables</translation>
    </message>
    <message>
        <source>Organisation outline</source>
        <translation>Esquema de la organización</translation>
    </message>
    <message numerus="yes">
        <source>%Ln positions</source>
        <translation>
            <numerusform>%Ln puesto</numerusform>
            <numerusform>%Ln puestos</numerusform>
        </translation>
    </message>
    <message>
        <source>filtered by “%1”</source>
        <translation>filtrado por «%1»</translation>
    </message>
    <message>
        <source>%1. Selected: %2</source>
        <translation>%1. Seleccionado: %2</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Team server password</source>
        <translation>Contraseña del servidor de equipo</translation>
    </message>
    <message>
        <source>Keep it in the system keyring</source>
        <translation>Guardarla en el llavero del sistema</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Contraseña de %1 en %2:</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>Add photo…</source>
        <translation>Añadir foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Photo of %1</source>
        <translation>Foto de %1</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Sin foto</translation>
    </message>
    <message>
        <source>Replace photo…</source>
        <translation>Sustituir foto…</translation>
    </message>
    <message>
        <source>An open position has no photo</source>
        <translation>Un puesto vacante no tiene foto</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Añadir foto</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>Imágenes (%1);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>PlanController</name>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
</context>
<context>
    <name>PlanDocks</name>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Capacity against target</source>
        <translation>Capacidad frente a objetivo</translation>
    </message>
    <message>
        <source>Hiring plan</source>
        <translation>Plan de contratación</translation>
    </message>
    <message>
        <source>Quarters</source>
        <translation>Trimestres</translation>
    </message>
    <message>
        <source>Actuals</source>
        <translation>Reales</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>Supuestos</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
</context>
<context>
    <name>PlanEditError</name>
    <message>
        <source>a position needs a title</source>
        <translation>un puesto necesita un cargo</translation>
    </message>
    <message>
        <source>headcount must be a whole number, 1 or more</source>
        <translation>el número de personas debe ser un entero, 1 o más</translation>
    </message>
    <message>
        <source>headcount must be at most {limit}</source>
        <translation>el número de personas no puede pasar de {limit}</translation>
    </message>
    <message>
        <source>start month must be a year and month</source>
        <translation>el mes de incorporación debe indicar año y mes</translation>
    </message>
    <message>
        <source>a dotted line needs two different positions</source>
        <translation>una línea de puntos necesita dos puestos distintos</translation>
    </message>
    <message>
        <source>that dotted line is already there</source>
        <translation>esa línea de puntos ya existe</translation>
    </message>
    <message>
        <source>{field} must be a number, 0 or more</source>
        <translation>{field}: debe ser un número, 0 o más</translation>
    </message>
    <message>
        <source>{field} must be at most {limit}</source>
        <translation>{field}: no puede pasar de {limit}</translation>
    </message>
    <message>
        <source>leads must be a whole number from 0 to {limit}</source>
        <translation>los leads deben ser un número entero de 0 a {limit}</translation>
    </message>
    <message>
        <source>{field} must be between 0 % and 100 %</source>
        <translation>{field}: debe estar entre 0 % y 100 %</translation>
    </message>
    <message>
        <source>{field} must be a whole number from {lowest} to {highest}</source>
        <translation>{field}: debe ser un número entero de {lowest} a {highest}</translation>
    </message>
    <message>
        <source>a plan needs at least one scenario: this is its only one</source>
        <translation>un plan necesita al menos un escenario: este es el único</translation>
    </message>
    <message>
        <source>a scenario needs a name</source>
        <translation>un escenario necesita un nombre</translation>
    </message>
    <message>
        <source>the plan already has a snapshot named {name}</source>
        <translation>el plan ya tiene una instantánea llamada {name}</translation>
    </message>
    <message>
        <source>the plan already has a scenario named {name}</source>
        <translation>el plan ya tiene un escenario llamado {name}</translation>
    </message>
    <message>
        <source>choose two scenarios of this plan</source>
        <translation>elige dos escenarios de este plan</translation>
    </message>
    <message>
        <source>{position} cannot report to itself</source>
        <translation>{position} no puede depender de sí mismo</translation>
    </message>
    <message>
        <source>{position} cannot report to {manager}: {manager} already reports to {position}</source>
        <translation>{position} no puede depender de {manager}: {manager} ya depende de {position}</translation>
    </message>
    <message>
        <source>a plan needs at least one scenario</source>
        <translation>un plan necesita al menos un escenario</translation>
    </message>
    <message>
        <source>no such snapshot</source>
        <translation>esa instantánea no existe</translation>
    </message>
    <message>
        <source>the plan needs a name</source>
        <translation>el plan necesita un nombre</translation>
    </message>
    <message>
        <source>the fiscal year must be {first} to {last}, not {value}</source>
        <translation>el año fiscal debe estar entre {first} y {last}, no {value}</translation>
    </message>
    <message>
        <source>the fiscal year&apos;s first month must be 1 to 12, not {value}</source>
        <translation>el primer mes del año fiscal debe estar entre 1 y 12, no {value}</translation>
    </message>
    <message>
        <source>the currency is empty: give an ISO 4217 code (USD)</source>
        <translation>falta la moneda: indica un código ISO 4217 (USD)</translation>
    </message>
    <message>
        <source>{currency} is not an ISO 4217 currency code (USD, EUR, CNY...)</source>
        <translation>{currency} no es un código de moneda ISO 4217 (USD, EUR, CNY...)</translation>
    </message>
    <message>
        <source>seasonality must be a shape ({shapes}) or twelve monthly weights in percent</source>
        <translation>la estacionalidad debe ser una forma ({shapes}) o doce pesos mensuales en porcentaje</translation>
    </message>
    <message>
        <source>seasonality needs twelve monthly weights, not {count}</source>
        <translation>la estacionalidad necesita doce pesos mensuales, no {count}</translation>
    </message>
    <message>
        <source>seasonality weights must be numbers, 0 or more</source>
        <translation>los pesos de estacionalidad deben ser números iguales o mayores que 0</translation>
    </message>
    <message>
        <source>the monthly weights add up to {total} %, not 100 %</source>
        <translation>los pesos mensuales suman {total} %, no 100 %</translation>
    </message>
    <message>
        <source>leads win nothing while the close rate or the average deal is 0</source>
        <translation>los leads no generan ventas mientras la tasa de cierre o el ticket medio sea 0</translation>
    </message>
    <message>
        <source>no leads to close from</source>
        <translation>no hay leads que cerrar</translation>
    </message>
    <message>
        <source>no deal value: the average deal is 0</source>
        <translation>las ventas no tienen valor: el ticket medio es 0</translation>
    </message>
    <message>
        <source>no customers won to set a deal size for: leads or close rate is 0</source>
        <translation>no se gana ningún cliente al que fijar un ticket: los leads o la tasa de cierre son 0</translation>
    </message>
    <message>
        <source>no current revenue to retain</source>
        <translation>no hay ingresos actuales que retener</translation>
    </message>
    <message>
        <source>no new business or expansion to spread the gap over</source>
        <translation>no hay nuevo negocio ni expansión entre los que repartir la diferencia</translation>
    </message>
    <message>
        <source>close rate would have to be {percent} %, above 100 %</source>
        <translation>la tasa de cierre tendría que ser del {percent} %, por encima del 100 %</translation>
    </message>
    <message>
        <source>retention would have to be {percent} %, above 100 %</source>
        <translation>la retención tendría que ser del {percent} %, por encima del 100 %</translation>
    </message>
    <message>
        <source>{field} would have to be {value}, above {limit}</source>
        <translation>{field}: tendría que ser {value}, por encima de {limit}</translation>
    </message>
    <message>
        <source>a snapshot is taken of a scenario</source>
        <translation>una instantánea se toma de un escenario</translation>
    </message>
    <message>
        <source>{name} is a snapshot and cannot be changed: restore it as a new scenario to work on it</source>
        <translation>{name} es una instantánea y no se puede modificar: restáurala como nuevo escenario para trabajar con ella</translation>
    </message>
    <message>
        <source>A rule needs the stage or type it is about.</source>
        <translation>Una regla necesita la etapa o el tipo al que se refiere.</translation>
    </message>
    <message>
        <source>there is no step {step} in the history</source>
        <translation>no hay ningún paso {step} en el historial</translation>
    </message>
    <message>
        <source>step {step} changed nothing to revert</source>
        <translation>el paso {step} no cambió nada que revertir</translation>
    </message>
    <message>
        <source>changed again by {who} at {at}: {name}</source>
        <translation>cambiado de nuevo por {who} el {at}: {name}</translation>
    </message>
    <message>
        <source>this step removed a scenario: to have it back, restore the step before it as a new scenario</source>
        <translation>este paso eliminó un escenario: para recuperarlo, restaure el paso anterior como escenario nuevo</translation>
    </message>
    <message>
        <source>this step removed a position: putting it back needs its full record, which the history does not keep yet</source>
        <translation>este paso eliminó un puesto: recuperarlo requiere su registro completo, que el historial aún no guarda</translation>
    </message>
    <message>
        <source>an import of deals is not reverted on its own: undo it, or import the export you want the plan to have</source>
        <translation>una importación de negocios no se revierte por separado: deshazla o importa la exportación que quieras que tenga el plan</translation>
    </message>
    <message>
        <source>step {step} cannot be reverted</source>
        <translation>el paso {step} no se puede revertir</translation>
    </message>
    <message>
        <source>the history&apos;s copy of this photo is damaged</source>
        <translation>la copia de esta foto en el historial está dañada</translation>
    </message>
    <message>
        <source>a step that added a {kind} is not reverted</source>
        <translation>un paso que añadió un {kind} no se revierte</translation>
    </message>
    <message>
        <source>the plan has no scenario</source>
        <translation>el plan no tiene ningún escenario</translation>
    </message>
    <message>
        <source>the plan no longer holds the values this step left: not reverted</source>
        <translation>el plan ya no tiene los valores que dejó este paso: no se revierte</translation>
    </message>
    <message>
        <source>a position this step added has reports now: not reverted</source>
        <translation>un puesto que añadió este paso tiene ahora subordinados: no se revierte</translation>
    </message>
    <message>
        <source>{email} is not an email address: it needs one @ with text on both sides</source>
        <translation>{email} no es una dirección de correo electrónico: necesita una @ con texto a ambos lados</translation>
    </message>
    <message>
        <source>{position} has no manager: only a position under a manager can be its staff</source>
        <translation>{position} no tiene responsable: solo un puesto bajo un responsable puede ser su staff</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>Duplicar %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Delete %1 positions</source>
        <translation>Eliminar %1 puestos</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Add dotted line %1 to %2</source>
        <translation>Añadir línea de puntos de %1 a %2</translation>
    </message>
    <message>
        <source>Remove dotted line %1 to %2</source>
        <translation>Quitar línea de puntos de %1 a %2</translation>
    </message>
    <message>
        <source>Add %1 suggested hires</source>
        <translation>Añadir %1 contrataciones sugeridas</translation>
    </message>
    <message>
        <source>Edit targets</source>
        <translation>Editar objetivos</translation>
    </message>
    <message>
        <source>Balance to goal through new business and expansion</source>
        <translation>Equilibrar con el objetivo mediante nuevo negocio y expansión</translation>
    </message>
    <message>
        <source>Balance to goal through %1</source>
        <translation>Equilibrar con el objetivo mediante %1</translation>
    </message>
    <message>
        <source>Edit assumption %1 of %2</source>
        <translation>Editar supuesto %1 de %2</translation>
    </message>
    <message>
        <source>New scenario %1</source>
        <translation>Nuevo escenario %1</translation>
    </message>
    <message>
        <source>Rename scenario %1</source>
        <translation>Renombrar escenario %1</translation>
    </message>
    <message>
        <source>Delete scenario %1</source>
        <translation>Eliminar escenario %1</translation>
    </message>
    <message>
        <source>Take snapshot %1</source>
        <translation>Tomar instantánea %1</translation>
    </message>
    <message>
        <source>Delete snapshot %1</source>
        <translation>Eliminar instantánea %1</translation>
    </message>
    <message>
        <source>Restore snapshot %1 as %2</source>
        <translation>Restaurar instantánea %1 como %2</translation>
    </message>
    <message>
        <source>Plan settings</source>
        <translation>Configuración del plan</translation>
    </message>
    <message>
        <source>Import actuals %1: %2 new, %3 changed</source>
        <translation>Importar reales %1: %2 nuevos, %3 modificados</translation>
    </message>
    <message>
        <source>Read %1 as %2</source>
        <translation>Leer %1 como %2</translation>
    </message>
    <message>
        <source>Match %1 to %2</source>
        <translation>Asignar %1 a %2</translation>
    </message>
    <message>
        <source>Import %1: %2 positions</source>
        <translation>Importar %1: %2 puestos</translation>
    </message>
    <message>
        <source>Revert “%1”</source>
        <translation>Revertir «%1»</translation>
    </message>
    <message>
        <source>Restore step %1 as %2</source>
        <translation>Restaurar el paso %1 como %2</translation>
    </message>
    <message>
        <source>Offline edits of %1, %2</source>
        <translation>Ediciones sin conexión de %1, %2</translation>
    </message>
    <message>
        <source>Remove photo of %1</source>
        <translation>Quitar la foto de %1</translation>
    </message>
    <message>
        <source>Add photo of %1</source>
        <translation>Añadir foto de %1</translation>
    </message>
    <message>
        <source>Replace photo of %1</source>
        <translation>Sustituir la foto de %1</translation>
    </message>
    <message>
        <source>Mark %1 as staff</source>
        <translation>Marcar %1 como staff</translation>
    </message>
    <message>
        <source>Put %1 in the team row</source>
        <translation>Poner %1 en la fila del equipo</translation>
    </message>
    <message>
        <source>Mark %1 positions as staff</source>
        <translation>Marcar %1 puestos como staff</translation>
    </message>
    <message>
        <source>Put %1 positions in the team row</source>
        <translation>Poner %1 puestos en la fila del equipo</translation>
    </message>
</context>
<context>
    <name>PlanFileError</name>
    <message>
        <source>no scenario named {name}; the plan has {names}</source>
        <translation>no hay ningún escenario llamado {name}; el plan tiene {names}</translation>
    </message>
    <message>
        <source>this plan has no file yet: use Save As</source>
        <translation>este plan aún no tiene archivo: usa Guardar como</translation>
    </message>
    <message>
        <source>the plan cannot be saved: row {row} of {table} refers to a missing {parent} row</source>
        <translation>no se puede guardar el plan: la fila {row} de {table} remite a una fila de {parent} que no existe</translation>
    </message>
    <message>
        <source>cannot open {path}: {reason}</source>
        <translation>no se puede abrir {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({reason})</source>
        <translation>{path} está dañado y no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read</source>
        <translation>{path} está dañado y no se puede leer</translation>
    </message>
    <message>
        <source>{path} is damaged: a value in table {table} cannot be read ({reason})</source>
        <translation>{path} está dañado: no se puede leer un valor de la tabla {table} ({reason})</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a trigger {name}, which RevOrg never makes</source>
        <translation>otro programa ha modificado {path} y no se abre: tiene un disparador (trigger) {name}, que RevOrg nunca crea</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a view {name}, which RevOrg never makes</source>
        <translation>otro programa ha modificado {path} y no se abre: tiene una vista {name}, que RevOrg nunca crea</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a virtual table {name}, which RevOrg never makes</source>
        <translation>otro programa ha modificado {path} y no se abre: tiene una tabla virtual {name}, que RevOrg nunca crea</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a table {name}, which RevOrg does not make</source>
        <translation>otro programa ha modificado {path} y no se abre: tiene una tabla {name} que RevOrg no crea</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has an index {name}, which RevOrg does not make</source>
        <translation>otro programa ha modificado {path} y no se abre: tiene un índice {name} que RevOrg no crea</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: table {table} is not stored as RevOrg stores it</source>
        <translation>otro programa ha modificado {path} y no se abre: la tabla {table} no se guarda como la guarda RevOrg</translation>
    </message>
    <message>
        <source>{path} is damaged: column {column} of table {table} is missing</source>
        <translation>{path} está dañado: falta la columna {column} de la tabla {table}</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: column {column} of table {table} is computed by a formula, which RevOrg never makes</source>
        <translation>otro programa ha modificado {path} y no se abre: la columna {column} de la tabla {table} se calcula con una fórmula, algo que RevOrg nunca hace</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: it has a column {column} in table {table}, which RevOrg does not make</source>
        <translation>otro programa ha modificado {path} y no se abre: la tabla {table} tiene una columna {column} que RevOrg no crea</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: column {column} of table {table} is not as RevOrg makes it</source>
        <translation>otro programa ha modificado {path} y no se abre: la columna {column} de la tabla {table} no es como la crea RevOrg</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: the links of table {table} to other tables are not as RevOrg makes them</source>
        <translation>otro programa ha modificado {path} y no se abre: los vínculos de la tabla {table} con otras tablas no son como los crea RevOrg</translation>
    </message>
    <message>
        <source>{path} was changed by another program and is not opened: index {name} is missing or not as RevOrg makes it</source>
        <translation>otro programa ha modificado {path} y no se abre: falta el índice {name} o no es como lo crea RevOrg</translation>
    </message>
    <message>
        <source>no such file: {path}</source>
        <translation>no existe el archivo: {path}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a RevOrg plan</source>
        <translation>{path} es una carpeta, no un plan de RevOrg</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>no se puede leer {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a RevOrg plan (not a SQLite database)</source>
        <translation>{path} no es un plan de RevOrg (no es una base de datos SQLite)</translation>
    </message>
    <message>
        <source>{path} is damaged: it is shorter than a SQLite header</source>
        <translation>{path} está dañado: es más corto que una cabecera SQLite</translation>
    </message>
    <message>
        <source>{path} is damaged: it is {size} bytes long where its header says {expected} (an interrupted copy?)</source>
        <translation>{path} está dañado: mide {size} bytes y su cabecera dice {expected} (¿una copia interrumpida?)</translation>
    </message>
    <message>
        <source>{path} is a SQLite database but not a RevOrg plan</source>
        <translation>{path} es una base de datos SQLite, pero no un plan de RevOrg</translation>
    </message>
    <message>
        <source>{path} was saved by a newer version of RevOrg (file format {version}; this version reads up to {newest}): please update RevOrg</source>
        <translation>{path} se guardó con una versión más reciente de RevOrg (formato {version}; esta versión lee hasta el {newest}): actualiza RevOrg</translation>
    </message>
    <message>
        <source>{path} is damaged: it has no file format version</source>
        <translation>{path} está dañado: no indica la versión del formato</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} está dañado: {reason}</translation>
    </message>
    <message>
        <source>{path} is damaged: table {table} is missing</source>
        <translation>{path} está dañado: falta la tabla {table}</translation>
    </message>
    <message>
        <source>{path} could not be upgraded from file format {version}: {reason}</source>
        <translation>no se pudo actualizar {path} desde el formato {version}: {reason}</translation>
    </message>
    <message>
        <source>could not save {path}: {reason}</source>
        <translation>no se pudo guardar {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is already open in another RevOrg window; close it there first, or open a copy</source>
        <translation>{path} ya está abierto en otra ventana de RevOrg; ciérralo allí primero o abre una copia</translation>
    </message>
    <message>
        <source>no snapshot named {name}; the plan has {names}</source>
        <translation>no hay ninguna instantánea llamada {name}; el plan tiene {names}</translation>
    </message>
    <message>
        <source>{name} is a snapshot: write {prefixed}</source>
        <translation>{name} es una instantánea: escribe {prefixed}</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>Plan settings</source>
        <translation>Configuración del plan</translation>
    </message>
    <message>
        <source>Amounts are not converted: a new currency changes only the label of every amount. A new fiscal year or first month moves the start month of open positions so that each keeps its month of the year (a start in the third month stays in the third month).</source>
        <translation>Los importes no se convierten: una moneda nueva solo cambia la etiqueta de cada importe. Un año fiscal o un primer mes nuevos desplazan el mes de incorporación de las vacantes para que cada una conserve su mes dentro del año (una incorporación en el tercer mes sigue en el tercer mes).</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Moneda:</translation>
    </message>
    <message>
        <source>Fiscal year:</source>
        <translation>Año fiscal:</translation>
    </message>
    <message>
        <source>First month of the fiscal year:</source>
        <translation>Primer mes del año fiscal:</translation>
    </message>
</context>
<context>
    <name>PositionHistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>Historial de %1</translation>
    </message>
    <message>
        <source>Changes of &lt;b&gt;%1&lt;/b&gt; in every scenario, newest first.</source>
        <translation>Cambios de &lt;b&gt;%1&lt;/b&gt; en todos los escenarios, los más recientes primero.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>No recorded change of this position yet.</source>
        <translation>Aún no hay cambios registrados de este puesto.</translation>
    </message>
    <message>
        <source>Show older changes</source>
        <translation>Mostrar cambios anteriores</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>The plan&apos;s history records your changes under this name.</source>
        <translation>El historial del plan registra tus cambios con este nombre.</translation>
    </message>
    <message>
        <source>Stack wide teams (compact chart)</source>
        <translation>Apilar los equipos anchos (organigrama compacto)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Tu nombre:</translation>
    </message>
    <message>
        <source>This window is in %1, chosen for this start only (--lang). The list shows the language RevOrg starts in otherwise.</source>
        <translation>Esta ventana está en %1, elegido solo para este inicio (--lang). La lista muestra el idioma con el que RevOrg se inicia normalmente.</translation>
    </message>
    <message>
        <source>The new language applies when RevOrg starts again.</source>
        <translation>El nuevo idioma se aplicará cuando RevOrg se vuelva a abrir.</translation>
    </message>
</context>
<context>
    <name>PresencePanel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>People with this plan open</source>
        <translation>Personas con este plan abierto</translation>
    </message>
    <message>
        <source>Nobody else has this plan open.</source>
        <translation>Nadie más tiene este plan abierto.</translation>
    </message>
    <message>
        <source>Others with this plan open: %1</source>
        <translation>Otras personas con este plan abierto: %1</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
    <message>
        <source>%1, signed in as %2</source>
        <translation>%1, con la sesión de %2</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(desconocido)</translation>
    </message>
</context>
<context>
    <name>ProblemReport</name>
    <message>
        <source>Report a problem</source>
        <translation>Informar de un problema</translation>
    </message>
    <message>
        <source>A report is on the clipboard: paste it into an email or an issue, with what you did and what you saw. It holds RevOrg&apos;s version, your system and the end of the log, and nothing of your plans.</source>
        <translation>Hay un informe en el portapapeles: pégalo en un correo o en una incidencia, junto con lo que hiciste y lo que viste. Contiene la versión de RevOrg, tu sistema y el final del registro, y nada de tus planes.</translation>
    </message>
    <message>
        <source>The whole log is in %1</source>
        <translation>El registro completo está en %1</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish to team server</source>
        <translation>Publicar en el servidor de equipo</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Plan name on the server:</source>
        <translation>Nombre del plan en el servidor:</translation>
    </message>
    <message>
        <source>The plan as it is now becomes a team plan; the window then edits it on the server, where each change is saved as you make it.</source>
        <translation>El plan, tal como está ahora, pasa a ser un plan de equipo; la ventana lo edita entonces en el servidor, donde cada cambio se guarda al hacerlo.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>¿Recuperar el trabajo sin guardar?</translation>
    </message>
    <message>
        <source>RevOrg ended unexpectedly while “%1” had unsaved changes (autosaved %2). Recover them?</source>
        <translation>RevOrg se cerró de forma inesperada cuando «%1» tenía cambios sin guardar (guardado automático: %2). ¿Recuperarlos?</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>No se puede recuperar</translation>
    </message>
</context>
<context>
    <name>ReplayError</name>
    <message>
        <source>step {step} cannot be replayed: it was recorded by an older RevOrg, which kept only the names of the records it added or removed</source>
        <translation>el paso {step} no se puede reproducir: lo registró una versión anterior de RevOrg, que solo guardaba los nombres de los registros que añadía o quitaba</translation>
    </message>
    <message>
        <source>the plan&apos;s history cannot be read: {reason}</source>
        <translation>no se puede leer el historial del plan: {reason}</translation>
    </message>
    <message>
        <source>the plan&apos;s history does not match the plan at step {step} ({reason}): it cannot be replayed</source>
        <translation>el historial del plan no coincide con el plan en el paso {step} ({reason}): no se puede reproducir</translation>
    </message>
    <message>
        <source>the plan&apos;s history has no step {step}</source>
        <translation>el historial del plan no tiene el paso {step}</translation>
    </message>
    <message>
        <source>scenario {scenario} was not in the plan after step {step}</source>
        <translation>el escenario {scenario} no estaba en el plan después del paso {step}</translation>
    </message>
</context>
<context>
    <name>Resending</name>
    <message numerus="yes">
        <source>The team server cannot be reached; %n change(s) waiting. RevOrg tries again every few seconds and sends them when it answers.</source>
        <translation>
            <numerusform>No se puede contactar con el servidor de equipo; %n cambio en espera. RevOrg lo intenta de nuevo cada pocos segundos y lo envía cuando responda.</numerusform>
            <numerusform>No se puede contactar con el servidor de equipo; %n cambios en espera. RevOrg lo intenta de nuevo cada pocos segundos y los envía cuando responda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Intentar ahora</translation>
    </message>
    <message numerus="yes">
        <source>Back on the team server: %n change(s) sent.</source>
        <translation>
            <numerusform>De nuevo en el servidor de equipo: %n cambio enviado.</numerusform>
            <numerusform>De nuevo en el servidor de equipo: %n cambios enviados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevenuePanel</name>
    <message>
        <source>Quota coverage</source>
        <translation>Cobertura de cuota</translation>
    </message>
    <message>
        <source>Pipeline needed</source>
        <translation>Pipeline necesario</translation>
    </message>
    <message>
        <source>ARR at the start</source>
        <translation>ARR al inicio</translation>
    </message>
    <message>
        <source>− churned</source>
        <translation>− bajas (churn)</translation>
    </message>
    <message>
        <source>+ expansion</source>
        <translation>+ expansión</translation>
    </message>
    <message>
        <source>+ new business</source>
        <translation>+ nuevo negocio</translation>
    </message>
    <message>
        <source>= ARR at the end</source>
        <translation>= ARR al final</translation>
    </message>
    <message>
        <source>Customer lifetime value</source>
        <translation>Valor de vida del cliente</translation>
    </message>
    <message>
        <source>%1 (at a %2 close rate)</source>
        <translation>%1 (cierre del %2)</translation>
    </message>
    <message>
        <source>– (no close rate)</source>
        <translation>– (sin tasa de cierre)</translation>
    </message>
    <message>
        <source>The pipeline the new-business target needs: the target over the close rate.</source>
        <translation>El pipeline que necesita el objetivo de nuevo negocio: el objetivo dividido por la tasa de cierre.</translation>
    </message>
    <message>
        <source>%1 (churn %2)</source>
        <translation>%1 (churn del %2)</translation>
    </message>
    <message>
        <source>Annual recurring revenue at the end of the year: the plan&apos;s total.</source>
        <translation>Ingresos recurrentes anuales al final del año: el total del plan.</translation>
    </message>
    <message>
        <source>%1 (at a %2 gross margin)</source>
        <translation>%1 (margen bruto del %2)</translation>
    </message>
    <message>
        <source>– (no churn or no deal size)</source>
        <translation>– (sin churn o sin ticket medio)</translation>
    </message>
    <message>
        <source>The gross profit of a customer over its life: the average deal times the gross margin, over the churn rate (the gross margin is in the assumptions).</source>
        <translation>El beneficio bruto de un cliente durante su vida: la operación media por el margen bruto, dividido por la tasa de churn (el margen bruto está en los supuestos).</translation>
    </message>
    <message>
        <source>usual range %1-%2</source>
        <translation>rango habitual %1-%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>– (no new-business target; %1)</source>
        <translation>– (sin objetivo de nuevo negocio; %1)</translation>
    </message>
    <message>
        <source>Below 100 %: the quota assigned does not even cover the target.</source>
        <translation>Por debajo del 100 %: la cuota asignada ni siquiera cubre el objetivo.</translation>
    </message>
    <message>
        <source>Under the usual range: no room for the reps who miss their quota.</source>
        <translation>Por debajo del rango habitual: no hay margen para los comerciales que no alcancen su cuota.</translation>
    </message>
    <message>
        <source>Within the usual range.</source>
        <translation>Dentro del rango habitual.</translation>
    </message>
    <message>
        <source>Over the usual range: quotas may look out of reach, or the target is low.</source>
        <translation>Por encima del rango habitual: las cuotas pueden parecer inalcanzables, o el objetivo es bajo.</translation>
    </message>
    <message>
        <source>Quota assigned to the sales team (ramped, before attainment): %1; new-business target: %2. %3</source>
        <translation>Cuota asignada al equipo de ventas (con rampa, antes del cumplimiento): %1; objetivo de nuevo negocio: %2. %3</translation>
    </message>
</context>
<context>
    <name>RolePalette</name>
    <message>
        <source>Filter roles…</source>
        <translation>Filtrar roles…</translation>
    </message>
</context>
<context>
    <name>RolePickerDialog</name>
    <message>
        <source>Add a direct report</source>
        <translation>Añadir un subordinado directo</translation>
    </message>
    <message>
        <source>Role of the new position:</source>
        <translation>Rol del nuevo puesto:</translation>
    </message>
</context>
<context>
    <name>ScenarioCommands</name>
    <message>
        <source>New scenario</source>
        <translation>Nuevo escenario</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Renombrar escenario</translation>
    </message>
    <message>
        <source>A plan needs at least one scenario.</source>
        <translation>Un plan necesita al menos un escenario.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Tomar instantánea</translation>
    </message>
    <message>
        <source>Snapshot “%1” taken.</source>
        <translation>Instantánea «%1» tomada.</translation>
    </message>
</context>
<context>
    <name>ScenarioName</name>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copia)</translation>
    </message>
    <message>
        <source>{name} (copy {number})</source>
        <translation>{name} (copia {number})</translation>
    </message>
</context>
<context>
    <name>Seasonality</name>
    <message>
        <source>Flat</source>
        <translation>Uniforme</translation>
    </message>
    <message>
        <source>Back-loaded quarters</source>
        <translation>Trimestres cargados al final</translation>
    </message>
    <message>
        <source>Growing through the year</source>
        <translation>Creciente a lo largo del año</translation>
    </message>
    <message>
        <source>Year-end push</source>
        <translation>Empuje de fin de año</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizada</translation>
    </message>
</context>
<context>
    <name>SeasonalityEditor</name>
    <message>
        <source>Seasonality of bookings</source>
        <translation>Estacionalidad de las ventas</translation>
    </message>
    <message>
        <source>How new business and expansion fall over the fiscal year, in percent of the year&apos;s bookings; the retained base counts evenly. The months must add up to 100 %.</source>
        <translation>Cómo se reparten el nuevo negocio y la expansión a lo largo del año fiscal, en porcentaje de las ventas del año; la base retenida cuenta por igual cada mes. Los meses deben sumar 100 %.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sum: –</source>
        <translation>Suma: –</translation>
    </message>
    <message>
        <source>Sum: %1 %</source>
        <translation>Suma: %1 %</translation>
    </message>
    <message>
        <source>(must be 100 % to apply)</source>
        <translation>(debe ser 100 % para aplicarse)</translation>
    </message>
    <message>
        <source>(counts as 100 %)</source>
        <translation>(cuenta como 100 %)</translation>
    </message>
    <message>
        <source>The months add up to %1 %, not 100 %: not applied yet.</source>
        <translation>Los meses suman %1 %, no 100 %: todavía no se aplica.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys or mouse</source>
        <translation>Teclas o ratón</translation>
    </message>
    <message>
        <source>Move a card to another manager</source>
        <translation>Mover una tarjeta a otro responsable</translation>
    </message>
    <message>
        <source>Drag it onto the manager</source>
        <translation>Arrastrarla sobre el responsable</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>Añadir un rol</translation>
    </message>
    <message>
        <source>Drag it from Roles onto a card</source>
        <translation>Arrastrarlo desde Roles a una tarjeta</translation>
    </message>
    <message>
        <source>Select the next card</source>
        <translation>Seleccionar la tarjeta siguiente</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Teclas de flecha</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel</source>
        <translation>Ctrl + rueda del ratón</translation>
    </message>
    <message>
        <source>Collapse or expand a team</source>
        <translation>Contraer o expandir un equipo</translation>
    </message>
    <message>
        <source>Double-click the manager</source>
        <translation>Doble clic en el responsable</translation>
    </message>
</context>
<context>
    <name>SlideWords</name>
    <message numerus="yes">
        <source>%Ln people ▸ slide %1</source>
        <translation>
            <numerusform>%Ln persona ▸ diap. %1</numerusform>
            <numerusform>%Ln personas ▸ diap. %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Slides</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Scenario: %1 · %2</source>
        <translation>Escenario: %1 · %2</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Equipo: %1</translation>
    </message>
    <message>
        <source>%1 · scenario %2</source>
        <translation>%1 · escenario %2</translation>
    </message>
    <message>
        <source>(part %1 of %2)</source>
        <translation>(parte %1 de %2)</translation>
    </message>
    <message>
        <source>Targets against capacity</source>
        <translation>Objetivos frente a capacidad</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Objetivo: %1</translation>
    </message>
    <message>
        <source>The targets add up to %1 (gap to the goal: %2).</source>
        <translation>Los objetivos suman %1 (diferencia con el objetivo global: %2).</translation>
    </message>
    <message>
        <source>The people on the chart can deliver %1: %2 of the goal.</source>
        <translation>Las personas del organigrama pueden aportar %1: el %2 del objetivo.</translation>
    </message>
</context>
<context>
    <name>SnapshotsDialog</name>
    <message>
        <source>Snapshots</source>
        <translation>Instantáneas</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantánea</translation>
    </message>
    <message>
        <source>Of scenario</source>
        <translation>Del escenario</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tomada</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation>Objetivo de ingresos</translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation>Diferencia con el objetivo</translation>
    </message>
    <message>
        <source>No snapshots yet: Scenario &gt; Take snapshot… keeps the scenario as it is now.</source>
        <translation>Aún no hay instantáneas: Escenario &gt; Tomar instantánea… guarda el escenario tal como está ahora.</translation>
    </message>
    <message>
        <source>&amp;Restore as new scenario…</source>
        <translation>&amp;Restaurar como nuevo escenario…</translation>
    </message>
    <message>
        <source>&amp;Delete snapshot</source>
        <translation>&amp;Eliminar instantánea</translation>
    </message>
    <message>
        <source>Restore as new scenario</source>
        <translation>Restaurar como nuevo escenario</translation>
    </message>
</context>
<context>
    <name>StartMonthDelegate</name>
    <message>
        <source>Already in seat / at year start</source>
        <translation>Ya en el puesto / a inicio de año</translation>
    </message>
</context>
<context>
    <name>StepListModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
</context>
<context>
    <name>StepPreviewDialog</name>
    <message>
        <source>Restore as new scenario…</source>
        <translation>Restaurar como escenario nuevo…</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>New customers</source>
        <translation>Clientes nuevos</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>Nuevo negocio</translation>
    </message>
    <message>
        <source>Retained revenue</source>
        <translation>Ingresos retenidos</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>Ingresos totales</translation>
    </message>
    <message>
        <source>Gap to goal</source>
        <translation>Diferencia con el objetivo</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>faltan %1</translation>
    </message>
    <message>
        <source>%1 above</source>
        <translation>%1 por encima</translation>
    </message>
    <message>
        <source>on goal</source>
        <translation>objetivo cumplido</translation>
    </message>
    <message>
        <source>leads must be a whole number</source>
        <translation>los leads deben ser un número entero</translation>
    </message>
</context>
<context>
    <name>TeamCommands</name>
    <message>
        <source>team plan %1 on %2</source>
        <translation>plan de equipo %1 en %2</translation>
    </message>
    <message>
        <source>This plan is already open.</source>
        <translation>Este plan ya está abierto.</translation>
    </message>
    <message>
        <source>Cannot open team plan</source>
        <translation>No se puede abrir el plan de equipo</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keyring.</source>
        <translation>No se pudo guardar la contraseña en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Cannot publish</source>
        <translation>No se puede publicar</translation>
    </message>
    <message>
        <source>Published to %1</source>
        <translation>Publicado en %1</translation>
    </message>
    <message>
        <source>Saved on the server: each change is sent as you make it.</source>
        <translation>Guardado en el servidor: cada cambio se envía al hacerlo.</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>A copy was saved to %1; this window stays on the team plan.</source>
        <translation>Se guardó una copia en %1; esta ventana sigue en el plan de equipo.</translation>
    </message>
    <message>
        <source>Undo refused: %1, after your change. The plan shows their value.</source>
        <translation>Deshacer rechazado: %1, después de su cambio. El plan muestra su valor.</translation>
    </message>
    <message>
        <source>Your change was not sent: %1 since you read it. The plan shows it now.</source>
        <translation>Su cambio no se envió: %1 desde que lo leyó. El plan ya lo muestra.</translation>
    </message>
    <message>
        <source>Yours: %1.</source>
        <translation>Su valor: %1.</translation>
    </message>
    <message>
        <source>Apply my change again</source>
        <translation>Aplicar mi cambio de nuevo</translation>
    </message>
    <message>
        <source>a teammate</source>
        <translation>un compañero</translation>
    </message>
    <message>
        <source>%1 changed %2’s %3 at %4</source>
        <translation>%1 cambió «%3» de %2 a las %4</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3</source>
        <translation>%1 cambió %2 a las %3</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>la tarjeta %1</translation>
    </message>
    <message>
        <source>the targets</source>
        <translation>los objetivos</translation>
    </message>
    <message>
        <source>an assumption</source>
        <translation>un supuesto</translation>
    </message>
    <message>
        <source>the plan settings</source>
        <translation>la configuración del plan</translation>
    </message>
    <message>
        <source>a scenario</source>
        <translation>un escenario</translation>
    </message>
    <message>
        <source>a dotted line</source>
        <translation>una línea punteada</translation>
    </message>
    <message>
        <source>The plan already has your values.</source>
        <translation>El plan ya tiene sus valores.</translation>
    </message>
</context>
<context>
    <name>TeamNotice</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>TeamPlanError</name>
    <message>
        <source>not a team plan URL (postgresql://user@host:5432/revorg?plan=NAME)</source>
        <translation>no es la URL de un plan de equipo (postgresql://usuario@servidor:5432/revorg?plan=NOMBRE)</translation>
    </message>
    <message>
        <source>a team plan URL has no #fragment</source>
        <translation>la URL de un plan de equipo no lleva #fragmento</translation>
    </message>
    <message>
        <source>the URL names no database after the host</source>
        <translation>la URL no indica ninguna base de datos después del servidor</translation>
    </message>
    <message>
        <source>the URL&apos;s port is not a number from 1 to 65535</source>
        <translation>el puerto de la URL no es un número entre 1 y 65535</translation>
    </message>
    <message>
        <source>the URL&apos;s options after ? cannot be read</source>
        <translation>no se pueden leer las opciones de la URL después de ?</translation>
    </message>
    <message>
        <source>the URL names no plan: add ?plan=NAME (spaces as %20)</source>
        <translation>la URL no indica ningún plan: añada ?plan=NOMBRE (los espacios como %20)</translation>
    </message>
    <message>
        <source>a plan name has at most {limit} characters and no control characters</source>
        <translation>el nombre de un plan tiene como máximo {limit} caracteres y ningún carácter de control</translation>
    </message>
    <message>
        <source>unknown option in the URL: {option}</source>
        <translation>opción desconocida en la URL: {option}</translation>
    </message>
    <message>
        <source>the team server {server} was set up by a newer version of RevOrg (schema {revision}; this version knows up to {head}): please update RevOrg</source>
        <translation>el servidor de equipo {server} fue preparado por una versión más reciente de RevOrg (esquema {revision}; esta versión conoce hasta {head}): actualice RevOrg</translation>
    </message>
    <message>
        <source>no plan {plan} on {server}: the server has no team plans yet (`revorg push FILE URL` publishes one)</source>
        <translation>no hay ningún plan {plan} en {server}: el servidor todavía no tiene planes de equipo (`revorg push ARCHIVO URL` publica uno)</translation>
    </message>
    <message>
        <source>the team server {server} has an older schema ({revision}; this version needs {head}): publishing a plan with this version upgrades it</source>
        <translation>el servidor de equipo {server} tiene un esquema anterior ({revision}; esta versión necesita {head}): publicar un plan con esta versión lo actualiza</translation>
    </message>
    <message>
        <source>authentication failed for user {user} on {server}: check the password (PGPASSWORD, ~/.pgpass or the system keyring)</source>
        <translation>falló la autenticación del usuario {user} en {server}: compruebe la contraseña (PGPASSWORD, ~/.pgpass o el llavero del sistema)</translation>
    </message>
    <message>
        <source>the server {server} does not let user {user} in</source>
        <translation>el servidor {server} no deja entrar al usuario {user}</translation>
    </message>
    <message>
        <source>no database {database} on {server}</source>
        <translation>no hay ninguna base de datos {database} en {server}</translation>
    </message>
    <message>
        <source>the team server {server} cannot store a value of this plan (a text with a NUL character?); nothing was written</source>
        <translation>el servidor de equipo {server} no puede guardar un valor de este plan (¿un texto con un carácter NUL?); no se ha escrito nada</translation>
    </message>
    <message>
        <source>the team server {server} is busy: another session has held what this needs for over {seconds}; nothing was written, try again</source>
        <translation>el servidor de equipo {server} está ocupado: otra sesión retiene desde hace más de {seconds} lo que esto necesita; no se ha escrito nada, inténtalo de nuevo</translation>
    </message>
    <message>
        <source>cannot reach the team server {server} ({reason})</source>
        <translation>no se puede contactar con el servidor de equipo {server} ({reason})</translation>
    </message>
    <message>
        <source>the team server {server} refused the request (SQLSTATE {code})</source>
        <translation>el servidor de equipo {server} rechazó la petición (SQLSTATE {code})</translation>
    </message>
    <message>
        <source>permission denied: user {user} may not do this on plan {plan}</source>
        <translation>permiso denegado: el usuario {user} no puede hacer esto en el plan {plan}</translation>
    </message>
    <message>
        <source>plan {plan} already exists on {server}: publish under another name, or pull a copy</source>
        <translation>el plan {plan} ya existe en {server}: publíquelo con otro nombre o descargue una copia</translation>
    </message>
    <message>
        <source>no plan {plan} on {server} for user {user} (an owner of a plan gives access to it: revorg team grant)</source>
        <translation>no hay ningún plan {plan} en {server} para el usuario {user} (el propietario de un plan da acceso a él: revorg team grant)</translation>
    </message>
    <message>
        <source>{user} is the plan&apos;s only owner: make someone else owner first</source>
        <translation>{user} es el único propietario del plan: primero haga propietario a otra persona</translation>
    </message>
    <message>
        <source>{user} made other owners of the plan: take their owner role away first (PostgreSQL 16 and later keep a role only while whoever gave it may give it)</source>
        <translation>{user} hizo propietarios del plan a otras personas: primero quíteles el rol de propietario (PostgreSQL 16 y posteriores mantienen un rol solo mientras quien lo dio pueda darlo)</translation>
    </message>
    <message>
        <source>{user} was given the role by {giver}: on PostgreSQL 16 and later only {giver} or an administrator may take it away</source>
        <translation>{giver} dio el rol a {user}: en PostgreSQL 16 y posteriores solo {giver} o un administrador pueden quitárselo</translation>
    </message>
    <message>
        <source>{user} is one of the plan&apos;s roles, not a user</source>
        <translation>{user} es uno de los roles del plan, no un usuario</translation>
    </message>
    <message>
        <source>no user {user} on the server (an administrator creates users: CREATE ROLE ... LOGIN)</source>
        <translation>no existe el usuario {user} en el servidor (un administrador crea los usuarios: CREATE ROLE ... LOGIN)</translation>
    </message>
    <message>
        <source>permission denied: only an owner of plan {plan} may change its roles</source>
        <translation>permiso denegado: solo un propietario del plan {plan} puede cambiar sus roles</translation>
    </message>
    <message>
        <source>the team plan {plan} on {server} cannot be read: {reason}</source>
        <translation>no se puede leer el plan de equipo {plan} en {server}: {reason}</translation>
    </message>
    <message>
        <source>this team plan was opened for reading: pull a copy to a file</source>
        <translation>este plan de equipo se abrió solo para lectura: descargue una copia en un archivo</translation>
    </message>
    <message>
        <source>plan {plan} already exists and this file is not a copy of it (no step in common): publish it under another name, or pull a copy</source>
        <translation>el plan {plan} ya existe y este archivo no es una copia suya (ningún paso en común): publíquelo con otro nombre o descargue una copia</translation>
    </message>
    <message>
        <source>this edit ({kind}) cannot be made on a team plan yet: pull a copy to a file</source>
        <translation>esta edición ({kind}) aún no se puede hacer en un plan de equipo: descargue una copia en un archivo</translation>
    </message>
    <message>
        <source>{record} was changed on the server since you read it: your edit was not sent (reload the plan and make it again)</source>
        <translation>{record} se modificó en el servidor desde que lo leyó: su edición no se envió (vuelva a cargar el plan y hágala de nuevo)</translation>
    </message>
    <message>
        <source>{record} was changed by {who} at {at} (step {step}) since you read it: your edit was not sent (reload the plan and make it again)</source>
        <translation>{who} modificó {record} el {at} (paso {step}) desde que lo leyó: su edición no se envió (vuelva a cargar el plan y hágala de nuevo)</translation>
    </message>
    <message>
        <source>the plan is at version {version}, not {expected}: changed since by {who} (last at {at}); nothing was sent</source>
        <translation>el plan está en la versión {version}, no en la {expected}: lo modificó después {who} (la última vez el {at}); no se envió nada</translation>
    </message>
    <message>
        <source>the team server {server} cannot be reached: your undo was not sent and waits</source>
        <translation>no se puede contactar con el servidor de equipo {server}: su acción de deshacer no se envió y queda en espera</translation>
    </message>
    <message>
        <source>the team server {server} cannot be reached: your change was not sent and waits</source>
        <translation>no se puede contactar con el servidor de equipo {server}: su cambio no se envió y queda en espera</translation>
    </message>
    <message>
        <source>{who} changed {record} since your edit (at {at}): undoing it would overwrite their change, so it was not undone</source>
        <translation>{who} cambió {record} después de su edición (a las {at}): deshacerla sobrescribiría su cambio, así que no se deshizo</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New plan from template</source>
        <translation>Nuevo plan desde plantilla</translation>
    </message>
    <message>
        <source>Start from one of these plans:</source>
        <translation>Empieza con uno de estos planes:</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer %1</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to RevOrg</source>
        <translation>Te damos la bienvenida a RevOrg</translation>
    </message>
    <message>
        <source>Design your revenue organisation: drag roles into the chart, set the revenue goal and each department&apos;s targets, and see at once whether the people on the chart can deliver them. Start from a template:</source>
        <translation>Diseña tu organización de ingresos: arrastra roles al organigrama, fija el objetivo de ingresos y los objetivos de cada departamento, y comprueba al momento si las personas del organigrama pueden cumplirlos. Empieza con una plantilla:</translation>
    </message>
    <message>
        <source>Start from this template</source>
        <translation>Empezar con esta plantilla</translation>
    </message>
    <message>
        <source>Open a plan…</source>
        <translation>Abrir un plan…</translation>
    </message>
    <message>
        <source>Explore the demo plan</source>
        <translation>Explorar el plan de demostración</translation>
    </message>
</context>
<context>
    <name>WindowServerWait</name>
    <message>
        <source>Waiting for the team server %1 to answer…</source>
        <translation>Esperando la respuesta del servidor del equipo %1…</translation>
    </message>
</context>
<context>
    <name>WorkshopStrip</name>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Show the role palette to drop new roles</source>
        <translation>Mostrar la paleta de roles para añadir roles nuevos</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>Salir (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2 goal (%3)</source>
        <translation>%1 de un objetivo de %2 (%3)</translation>
    </message>
</context>
<context>
    <name>YearPlanPanel</name>
    <message>
        <source>Targets and capacity by quarter</source>
        <translation>Objetivos y capacidad por trimestre</translation>
    </message>
    <message>
        <source>Revenue target and capacity per fiscal quarter; the gap is the target less the capacity (above zero: capacity falls short).</source>
        <translation>Objetivo de ingresos y capacidad por trimestre fiscal; la brecha es el objetivo menos la capacidad (por encima de cero: falta capacidad).</translation>
    </message>
    <message>
        <source>The first month where a department&apos;s capacity so far is less than its target so far (months in the fiscal year, targets shaped by the seasonality).</source>
        <translation>El primer mes en que la capacidad acumulada de un departamento es menor que su objetivo acumulado (meses del año fiscal, objetivos según la estacionalidad).</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Q%1 (%2-%3 %4)</source>
        <translation>T%1 (%2-%3 %4)</translation>
    </message>
    <message>
        <source>Q%1 (%2-%3)</source>
        <translation>T%1 (%2-%3)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 falls behind the target in %2</source>
        <translation>%1 se queda por detrás del objetivo en %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Capacity keeps up with the target all year in every department.</source>
        <translation>La capacidad sigue el ritmo del objetivo todo el año en todos los departamentos.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Brecha</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <source>&amp;Team</source>
        <translation>E&amp;quipo</translation>
    </message>
</context>
</TS>
