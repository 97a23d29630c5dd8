/**
 * Dart's SDK and common packages (`package:<name>/…` URIs; the file name alone when only that came):
 * sentry-dart marks every package but Flutter's in-app unless told otherwise.
 */
export const DART_LIBRARY =
  /^(?:dart:|org-dartlang-sdk:|package:(?:flutter|flutter_test|flutter_web_plugins|flutter_localizations|async|stack_trace|http|http_parser|dio|retrofit|chopper|riverpod|flutter_riverpod|hooks_riverpod|bloc|flutter_bloc|provider|get|get_it|go_router|auto_route|intl|logging|logger|collection|meta|path|rxdart|equatable|freezed_annotation|json_annotation|built_value|built_collection|shared_preferences\w*|sqflite\w*|drift|hive\w*|isar\w*|firebase_\w+|cloud_firestore\w*|url_launcher\w*|path_provider\w*|cached_network_image|connectivity_plus|device_info_plus|package_info_plus|grpc|protobuf|sentry|sentry_flutter|sentry_dio|sentry_logging|sentry_sqflite|sentry_drift|sentry_hive|sentry_isar|sentry_file|sentry_link)\/)/;
