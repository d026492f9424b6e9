-- RevOrg file format 8
CREATE TABLE deal_imports (
	id INTEGER NOT NULL,
	at TEXT NOT NULL,
	who TEXT NOT NULL,
	file TEXT NOT NULL,
	source VARCHAR(12) NOT NULL,
	added INTEGER NOT NULL,
	changed INTEGER NOT NULL,
	unchanged INTEGER NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE deal_rules (
	rule VARCHAR(5) NOT NULL,
	"key" TEXT NOT NULL,
	value VARCHAR(12) NOT NULL,
	PRIMARY KEY (rule, "key")
);
CREATE TABLE deals (
	crm_id TEXT NOT NULL,
	owner TEXT NOT NULL,
	owner_email TEXT NOT NULL,
	account TEXT NOT NULL,
	name TEXT NOT NULL,
	stage TEXT NOT NULL,
	deal_type TEXT NOT NULL,
	status VARCHAR(4) NOT NULL,
	kind VARCHAR(12) NOT NULL,
	amount TEXT NOT NULL,
	currency VARCHAR(3),
	close_date TEXT NOT NULL,
	import_id INTEGER NOT NULL,
	PRIMARY KEY (crm_id)
);
CREATE TABLE departments (
	"key" VARCHAR(40) NOT NULL,
	name_en TEXT NOT NULL,
	name_es TEXT NOT NULL,
	name_zh TEXT NOT NULL,
	color VARCHAR(7) NOT NULL,
	sort_order INTEGER NOT NULL,
	PRIMARY KEY ("key")
);
CREATE TABLE history_chain (
	id INTEGER NOT NULL,
	anchor BLOB NOT NULL,
	head BLOB NOT NULL,
	compacted_before TEXT,
	dropped INTEGER NOT NULL,
	last_dropped_id INTEGER,
	PRIMARY KEY (id)
);
CREATE TABLE history_changes (
	id INTEGER NOT NULL,
	step_id INTEGER NOT NULL,
	scenario_id INTEGER NOT NULL,
	record VARCHAR(20) NOT NULL,
	record_id TEXT NOT NULL,
	field TEXT NOT NULL,
	old TEXT NOT NULL,
	new TEXT NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_history_changes_record ON history_changes (record, record_id);
CREATE INDEX ix_history_changes_step ON history_changes (step_id);
CREATE TABLE history_steps (
	id INTEGER NOT NULL,
	at TEXT NOT NULL,
	who TEXT NOT NULL,
	scenario_id INTEGER NOT NULL,
	text TEXT NOT NULL,
	text_values TEXT NOT NULL,
	direction VARCHAR(4) NOT NULL,
	previous_hash BLOB NOT NULL,
	hash BLOB NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE owner_assignments (
	owner_key TEXT NOT NULL,
	owner TEXT NOT NULL,
	lineage TEXT NOT NULL,
	PRIMARY KEY (owner_key)
);
CREATE TABLE photos (
	lineage TEXT NOT NULL,
	image BLOB NOT NULL,
	media_type VARCHAR(10) NOT NULL,
	PRIMARY KEY (lineage)
);
CREATE TABLE "plan" (
	id INTEGER NOT NULL,
	name TEXT NOT NULL,
	currency VARCHAR(3) NOT NULL,
	fiscal_year INTEGER NOT NULL,
	fiscal_start_month INTEGER NOT NULL,
	PRIMARY KEY (id),
	CHECK (fiscal_start_month BETWEEN 1 AND 12)
);
CREATE TABLE role_types (
	"key" VARCHAR(60) NOT NULL,
	department_key VARCHAR(40) NOT NULL,
	funnel_stage VARCHAR(20) NOT NULL,
	capacity_kind VARCHAR(30) NOT NULL,
	is_leader BOOLEAN NOT NULL,
	is_custom BOOLEAN NOT NULL,
	name_en TEXT NOT NULL,
	name_es TEXT NOT NULL,
	name_zh TEXT NOT NULL,
	short_en TEXT NOT NULL,
	short_es TEXT NOT NULL,
	short_zh TEXT NOT NULL,
	description_en TEXT NOT NULL,
	description_es TEXT NOT NULL,
	description_zh TEXT NOT NULL,
	default_annual_cost INTEGER NOT NULL,
	sort_order INTEGER NOT NULL,
	PRIMARY KEY ("key"),
	FOREIGN KEY(department_key) REFERENCES departments ("key")
);
CREATE TABLE scenarios (
	id INTEGER NOT NULL,
	plan_id INTEGER NOT NULL,
	name TEXT NOT NULL,
	sort_order INTEGER NOT NULL,
	snapshot_at TEXT,
	snapshot_by TEXT,
	snapshot_of TEXT,
	PRIMARY KEY (id),
	UNIQUE (plan_id, name),
	FOREIGN KEY(plan_id) REFERENCES "plan" (id) ON DELETE CASCADE
);
CREATE TABLE assumptions (
	id INTEGER NOT NULL,
	scenario_id INTEGER NOT NULL,
	role_key VARCHAR(60) NOT NULL,
	metric VARCHAR(40) NOT NULL,
	value VARCHAR NOT NULL,
	source TEXT NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (scenario_id, role_key, metric),
	FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE
);
CREATE TABLE positions (
	id INTEGER NOT NULL,
	scenario_id INTEGER NOT NULL,
	title TEXT NOT NULL,
	role_key VARCHAR(60) NOT NULL,
	department_key VARCHAR(40) NOT NULL,
	manager_id INTEGER,
	person_name TEXT,
	headcount INTEGER NOT NULL,
	start_month VARCHAR(7),
	annual_cost INTEGER NOT NULL,
	capacity_override VARCHAR,
	notes TEXT NOT NULL,
	sort_order INTEGER NOT NULL,
	lineage TEXT,
	email TEXT,
	staff BOOLEAN DEFAULT 0 NOT NULL,
	PRIMARY KEY (id),
	CHECK (headcount >= 1),
	CHECK (manager_id IS NULL OR manager_id != id),
	FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
	FOREIGN KEY(role_key) REFERENCES role_types ("key"),
	FOREIGN KEY(department_key) REFERENCES departments ("key"),
	FOREIGN KEY(manager_id) REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ix_positions_scenario_manager ON positions (scenario_id, manager_id);
CREATE TABLE targets (
	scenario_id INTEGER NOT NULL,
	goal INTEGER NOT NULL,
	leads INTEGER NOT NULL,
	close_rate VARCHAR NOT NULL,
	average_deal INTEGER NOT NULL,
	base_revenue INTEGER NOT NULL,
	retention VARCHAR NOT NULL,
	expansion INTEGER NOT NULL,
	seasonality TEXT,
	PRIMARY KEY (scenario_id),
	CHECK (leads >= 0),
	FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE
);
CREATE TABLE dotted_lines (
	id INTEGER NOT NULL,
	scenario_id INTEGER NOT NULL,
	from_position_id INTEGER NOT NULL,
	to_position_id INTEGER NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (from_position_id, to_position_id),
	CHECK (from_position_id != to_position_id),
	FOREIGN KEY(scenario_id) REFERENCES scenarios (id) ON DELETE CASCADE,
	FOREIGN KEY(from_position_id) REFERENCES positions (id) ON DELETE CASCADE,
	FOREIGN KEY(to_position_id) REFERENCES positions (id) ON DELETE CASCADE
);
