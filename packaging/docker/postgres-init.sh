#!/bin/sh
# Creates the platform's and the app's databases and users (first start of the PostgreSQL volume).
set -eu
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE USER openvod_platform PASSWORD '${OPENVOD_PLATFORM_DATABASE_PASSWORD}';
CREATE DATABASE openvod_platform OWNER openvod_platform;
CREATE USER openvod_app PASSWORD '${OPENVOD_APP_DATABASE_PASSWORD}';
CREATE DATABASE openvod_app OWNER openvod_app;
SQL
