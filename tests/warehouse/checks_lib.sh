# Shared by postgres_checks.sh and clickhouse_checks.sh: sourced, not run.

fail() { echo "FAIL: $*"; exit 1; }

# write_workspace ENGINE: kpi.yaml of the error checks, its table source reading
# crm.deals (`table` at 29:12, the measure's `value` at 32:37).
write_workspace() {
cat >kpi.yaml <<YAML
version: 1
name: Warehouse errors
data: []
settings: {freshness_days: 0}
warehouse:
  engine: $1
  dsn: env:KPI_CHECK_DSN
units:
  - {id: sales, name: Sales}
people:
  - {id: an, name: An Nguyen, member_of: sales, aliases: [an@example.vn]}
  - {id: binh, name: Bình Trần, member_of: sales}
frames:
  - {id: f, basis: ratio, method: linear, points: [[0, 0], [100, 100]]}
kpis:
  - id: sales.revenue
    name: Revenue
    description: Revenue of the deals closed in the month
    owner: sales
    assigned_to: members
    unit: VND
    source: CRM
    period: monthly
    target: 100
    frame: f
    type: strategic
sources:
  - id: dw
    table: crm.deals
    columns: {date: closed_on, entity: owner, order: loaded_at}
    measures:
      - {kpi: sales.revenue, value: amount}
YAML
}

expect() {  # expect STATUS RULE POSITION -- kpi args...
  local status=$1 rule=$2 position=$3
  shift 4
  "$kpi" "$@" >out 2>err
  local got=$?
  [ $got = "$status" ] || fail "kpi $*: exit $got, not $status: $(cat err)"
  grep -q "^$position: error\[$rule\]" err || fail "kpi $*: no $position: error[$rule]: $(cat err)"
}
