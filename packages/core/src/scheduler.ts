// `@stue/core/scheduler`: the tour planner and its drive-time estimates. It proposes concerts; a
// coordinator decides.
export { schedule } from './scheduler/schedule.js';
export {
  LEFT_OVER_CODES,
  TIME_OF_DAY_RANGES,
  type IgnoredTourDay,
  type LeftOverCode,
  type LeftOverNomination,
  type LeftOverReason,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleProposal,
  type ScheduleResult,
  type ScheduleStats,
  type SchedulerNomination,
  type SchedulerTimeOfDay,
  type SchedulerTourDay,
  type SchedulerWeekday,
  type TourDayStats,
  type TravelMinutes,
} from './scheduler/model.js';
export {
  ARRIVAL_OVERHEAD_MINUTES,
  AVERAGE_SPEED_KMH,
  crossesWater,
  distanceKm,
  estimateDriveMinutes,
  FERRY_MUNICIPALITY_CODES,
  LOCAL_TRIP_MINUTES,
  ROAD_FACTOR,
  type DriveEstimateOptions,
  type LatLon,
  type Place,
} from './geo/travel.js';
