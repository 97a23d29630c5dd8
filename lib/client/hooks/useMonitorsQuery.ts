import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { CheckInList } from "@/lib/crons/listCheckIns";
import type { MonitorList } from "@/lib/crons/listMonitors";
import type { UpdateMonitorInput } from "@/lib/crons/monitorConfig";
import type { MonitorDto } from "@/lib/crons/monitorDto";
import type { checkMonitor } from "@/lib/crons/uptime/runUptimeChecks";
import type { CreateUptimeMonitorSchema } from "@/lib/crons/uptime/uptimeSchemas";
import type { z } from "zod";

const monitorsKey = (workspaceId: string) => ["monitors", workspaceId] as const;

/** GET /api/v1/workspaces/:id/monitors — the crons page, polled (runs arrive on their schedule). */
export function useMonitorsQuery(workspaceId: string, projectId: string | undefined) {
  const search = new URLSearchParams(projectId ? { projectId } : {});
  return useQuery({
    queryKey: [...monitorsKey(workspaceId), projectId ?? ""],
    queryFn: ({ signal }) => apiFetch<MonitorList>(`/api/v1/workspaces/${workspaceId}/monitors?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS * 3,
  });
}

/** GET /api/v1/monitors/:id/check-ins — one monitor's runs, newest first (loaded when its history is opened). */
export function useCheckInsQuery(monitorId: string, page: number) {
  return useQuery({
    queryKey: ["checkIns", monitorId, page],
    queryFn: ({ signal }) => apiFetch<CheckInList>(`/api/v1/monitors/${monitorId}/check-ins?page=${page}&pageSize=20`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** DELETE /api/v1/monitors/:id (admins). */
export function useDeleteMonitorMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (monitorId) => apiFetch(`/api/v1/monitors/${monitorId}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: monitorsKey(workspaceId) }),
  });
}

/** PATCH /api/v1/monitors/:id — schedule, thresholds, mute (members and admins). */
export function useUpdateMonitorMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<MonitorDto, Error, { monitorId: string; changes: UpdateMonitorInput }>({
    mutationFn: ({ monitorId, changes }) => apiFetch(`/api/v1/monitors/${monitorId}`, { method: "PATCH", json: changes }),
    onSettled: () => qc.invalidateQueries({ queryKey: monitorsKey(workspaceId) }),
  });
}

/** POST /api/v1/workspaces/:id/monitors — a new uptime monitor (admins). */
export function useCreateUptimeMonitorMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<MonitorDto, Error, z.input<typeof CreateUptimeMonitorSchema>>({
    mutationFn: (input) => apiFetch(`/api/v1/workspaces/${workspaceId}/monitors`, { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: monitorsKey(workspaceId) }),
  });
}

/** POST /api/v1/monitors/:id/check — an uptime monitor's URL requested now (members and admins). */
export function useCheckMonitorMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<Awaited<ReturnType<typeof checkMonitor>>, Error, string>({
    mutationFn: (monitorId) => apiFetch(`/api/v1/monitors/${monitorId}/check`, { method: "POST" }),
    onSettled: (_data, _error, monitorId) => Promise.all([qc.invalidateQueries({ queryKey: monitorsKey(workspaceId) }), qc.invalidateQueries({ queryKey: ["checkIns", monitorId] })]),
  });
}
