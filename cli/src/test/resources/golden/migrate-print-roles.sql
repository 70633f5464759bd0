-- roles: trail_writer may only insert, trail_reader may only read
CREATE ROLE IF NOT EXISTS `trail_writer`;

GRANT INSERT ON `trail`.`activity` TO `trail_writer`;

GRANT INSERT ON `trail`.`activity_by_workspace` TO `trail_writer`;

GRANT INSERT ON `trail`.`activity_by_actor` TO `trail_writer`;

GRANT INSERT ON `trail`.`activity_by_record` TO `trail_writer`;

GRANT INSERT ON `trail`.`notification` TO `trail_writer`;

GRANT INSERT ON `trail`.`email_sent` TO `trail_writer`;

GRANT INSERT ON `trail`.`notification_read` TO `trail_writer`;

GRANT INSERT ON `trail`.`integrity_checkpoints` TO `trail_writer`;

CREATE ROLE IF NOT EXISTS `trail_reader`;

GRANT SELECT ON `trail`.`events` TO `trail_reader`;

GRANT SELECT ON `trail`.`activities` TO `trail_reader`;

GRANT SELECT ON `trail`.`audit_events` TO `trail_reader`;

GRANT SELECT ON `trail`.`field_changes` TO `trail_reader`;

GRANT SELECT ON `trail`.`logins` TO `trail_reader`;

GRANT SELECT ON `trail`.`permission_changes` TO `trail_reader`;

GRANT SELECT ON `trail`.`member_roles` TO `trail_reader`;

GRANT SELECT ON `trail`.`settings_changes` TO `trail_reader`;

GRANT SELECT ON `trail`.`exports_and_downloads` TO `trail_reader`;

GRANT SELECT ON `trail`.`record_views` TO `trail_reader`;

GRANT SELECT ON `trail`.`notifications` TO `trail_reader`;

GRANT SELECT ON `trail`.`alerts` TO `trail_reader`;

GRANT SELECT ON `trail`.`activity_by_workspace` TO `trail_reader`;

GRANT SELECT ON `trail`.`activity_by_actor` TO `trail_reader`;

GRANT SELECT ON `trail`.`activity_by_record` TO `trail_reader`;

GRANT SELECT ON `trail`.`activity` TO `trail_reader`;

GRANT SELECT ON `trail`.`notification` TO `trail_reader`;

GRANT SELECT ON `trail`.`notification_read` TO `trail_reader`;

GRANT SELECT ON `trail`.`integrity_checkpoints` TO `trail_reader`;

CREATE SETTINGS PROFILE OR REPLACE `trail_reader_limits` SETTINGS max_execution_time = 60, timeout_overflow_mode = 'throw', max_memory_usage = 1073741824, max_result_rows = 1000000, max_result_bytes = 268435456, result_overflow_mode = 'throw', output_format_json_quote_64bit_integers = 0, readonly = 1 TO `trail_reader`;

CREATE USER IF NOT EXISTS `trail_job` IDENTIFIED WITH sha256_hash BY '90d69e968ead0b001bf76513a78e28b5533c4aa1baee660698fae819a1e823cb';

ALTER USER `trail_job` IDENTIFIED WITH sha256_hash BY '90d69e968ead0b001bf76513a78e28b5533c4aa1baee660698fae819a1e823cb';

GRANT `trail_writer` TO `trail_job`;

ALTER USER `trail_job` DEFAULT ROLE `trail_writer`;

CREATE USER IF NOT EXISTS `auditor` IDENTIFIED WITH sha256_hash BY 'f70b45721aa3c282fbc537b643b6b1824a22aadfe2f0e8accccdbc20167a50e1';

ALTER USER `auditor` IDENTIFIED WITH sha256_hash BY 'f70b45721aa3c282fbc537b643b6b1824a22aadfe2f0e8accccdbc20167a50e1';

GRANT `trail_reader` TO `auditor`;

ALTER USER `auditor` DEFAULT ROLE `trail_reader`;

